using Ceiba.Network.Orderer.Internal;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Consensus;

#pragma warning disable DOTNEXT001 // IStateMachine is marked experimental in DotNext 6.

/// <summary>
/// Applies committed Raft entries to the block stores. Deterministic on every node: a block that
/// extends its channel's chain is appended; a stale one (replayed on restart, or cut by a deposed
/// leader on an old tip) is skipped. The block stores are the state, so no snapshot is kept and
/// the write-ahead log keeps every entry (a restarted or lagging node catches up from it).
/// </summary>
internal sealed class BlockStateMachine(IReadOnlyDictionary<string, OrdererChannel> channels, ILogger logger) : IStateMachine
{
    public ISnapshot? Snapshot => null;

    public ValueTask<long> ApplyAsync(LogEntry entry, CancellationToken token)
    {
        if (entry.IsConfiguration || !entry.TryGetPayload(out var payload) || payload.IsEmpty)
        {
            return ValueTask.FromResult(entry.Index);
        }

        try
        {
            var (channel, blocks) = RaftEntry.Decode(payload);
            if (!channels.TryGetValue(channel, out var target))
            {
                return ValueTask.FromResult(entry.Index);
            }

            foreach (var block in blocks)
            {
                if (!target.ApplyCommitted(block) && block.Header.Number >= target.Store.Height)
                {
                    Log.StaleBlockSkipped(logger, channel, block.Header.Number, target.Store.Height);
                }
            }
        }
        catch (Exception error)
        {
            Log.ApplyFailed(logger, error);
        }

        return ValueTask.FromResult(entry.Index);
    }

    public ValueTask ReclaimGarbageAsync(long watermark, CancellationToken token) => ValueTask.CompletedTask;
}
