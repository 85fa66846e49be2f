using Ceiba.Network.Orderer.Internal;
using Ceiba.Network.Protos.Common;
using DotNext.IO;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Consensus;

#pragma warning disable DOTNEXT001 // SimpleStateMachine is marked experimental in DotNext 6.

/// <summary>
/// Applies committed Raft entries to the block stores. Deterministic on every node: blocks that extend
/// their channel's chain are appended (one flush per entry); stale ones (replayed on restart, or cut by a
/// deposed leader on an old tip) are skipped. The block stores are the state, so after every
/// <c>snapshotInterval</c> bytes of entries the snapshot is just each channel's height and tip hash
/// (<see cref="ChainSnapshot"/>), and DotNext then deletes the WAL chunks it covers. A node that installs
/// a leader's snapshot pulls the blocks it lacks with <see cref="BlockPuller"/>.
/// </summary>
internal sealed class BlockStateMachine(DirectoryInfo snapshots, IReadOnlyDictionary<string, OrdererChannel> channels, BlockPuller puller, long snapshotInterval, ILogger logger)
    : SimpleStateMachine(snapshots)
{
    private long _sinceSnapshot;
    private ChainSnapshot? _pending;

    protected override ValueTask<bool> ApplyAsync(LogEntry entry, CancellationToken token)
    {
        if (!entry.IsConfiguration && entry.TryGetPayload(out var payload) && !payload.IsEmpty)
        {
            Apply(entry.Context as RaftEntry.Decoded ?? Decode(payload));
            _sinceSnapshot += payload.Length;
        }

        if (_sinceSnapshot < snapshotInterval)
        {
            return ValueTask.FromResult(false);
        }

        _sinceSnapshot = 0;
        _pending = Capture();
        return ValueTask.FromResult(true);
    }

    protected override ValueTask PersistAsync(IAsyncBinaryWriter writer, CancellationToken token) =>
        writer.WriteAsync((_pending ?? Capture()).Encode(), lengthFormat: null, token);

    protected override async ValueTask RestoreAsync(FileInfo snapshotFile, CancellationToken token)
    {
        var snapshot = ChainSnapshot.Decode(await File.ReadAllBytesAsync(snapshotFile.FullName, token).ConfigureAwait(false));
        foreach (var tip in snapshot.Channels)
        {
            if (!channels.TryGetValue(tip.Channel, out var channel))
            {
                continue;
            }

            if (channel.Store.Height < tip.Height)
            {
                Log.SnapshotBehind(logger, tip.Channel, channel.Store.Height, tip.Height);
                await puller.PullAsync(tip.Channel, channel.Store, tip.Height, token).ConfigureAwait(false);
            }

            var hash = BlockHashing.HeaderHash(channel.Store.GetBlock(tip.Height - 1).Header);
            if (!hash.AsSpan().SequenceEqual(tip.Hash))
            {
                throw new InvalidDataException($"channel '{tip.Channel}': block {tip.Height - 1} has hash {Convert.ToHexStringLower(hash)}, the Raft snapshot says {Convert.ToHexStringLower(tip.Hash)}");
            }
        }
    }

    private RaftEntry.Decoded? Decode(System.Buffers.ReadOnlySequence<byte> payload)
    {
        try
        {
            var (name, blocks) = RaftEntry.Decode(payload);
            return new RaftEntry.Decoded(name, blocks);
        }
        catch (Exception error) when (error is InvalidDataException or Google.Protobuf.InvalidProtocolBufferException)
        {
            Log.ApplyFailed(logger, error);
            return null;
        }
    }

    private void Apply(RaftEntry.Decoded? entry)
    {
        if (entry is not (var name, var blocks))
        {
            return;
        }

        try
        {
            if (channels.TryGetValue(name, out var channel) && blocks.Count > 0)
            {
                var height = channel.Store.Height;
                if (channel.ApplyCommitted(blocks) == 0 && blocks[^1].Header.Number >= height)
                {
                    Log.StaleBlockSkipped(logger, name, blocks[0].Header.Number, height);
                }
            }
        }
        catch (Exception error)
        {
            Log.ApplyFailed(logger, error);
        }
    }

    private ChainSnapshot Capture() => new([.. channels.Values.Select(c => new ChainSnapshot.Tip(c.Name, c.Store.Height, c.Store.TipHash.ToArray()))]);
}
