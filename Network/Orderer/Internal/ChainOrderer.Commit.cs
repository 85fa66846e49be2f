using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>The commit side of <see cref="ChainOrderer"/>: commits cut blocks through consensus and answers their envelopes.</summary>
internal sealed partial class ChainOrderer
{
    private async Task CommitLoopAsync(CancellationToken stopping)
    {
        try
        {
            while (await _cut.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                // Blocks cut while the previous commit was in flight go together: one consensus round for several blocks.
                // Large entries are kept near 1 MiB so that replicating one stays well within a heartbeat.
                var group = new List<CutBlock>();
                var bytes = 0L;
                while (group.Count < MaxBlocksPerCommit && bytes < MaxBytesPerCommit && _cut.Reader.TryRead(out var cut))
                {
                    group.Add(cut);
                    bytes += cut.Block.CalculateSize();
                }

                var generation = group[0].Generation;
                var failure = group.Any(c => c.Generation != Volatile.Read(ref _generation))
                    ? "the leadership or the chain tip changed before it was committed"
                    : await CommitAsync([.. group.Select(c => c.Block)], stopping).ConfigureAwait(false);
                if (failure is null)
                {
                    group.ForEach(c => c.Succeed());
                    continue;
                }

                Interlocked.CompareExchange(ref _generation, generation + 1, generation);
                Log.BlockNotCommitted(_logger, _channel.Name, group[0].Block.Header.Number, group.Sum(c => c.Envelopes.Count), failure);
                group.ForEach(c => c.Fail());
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Commits consecutive blocks and waits until the local store holds exactly them; returns why not, or null on success.</summary>
    private async Task<string?> CommitAsync(IReadOnlyList<Block> blocks, CancellationToken stopping)
    {
        try
        {
            if (!await _consensus.CommitAsync(_channel.Name, blocks, stopping).ConfigureAwait(false))
            {
                return "consensus did not confirm the commit";
            }

            // The last block's header hash chains over every earlier header (previous_hash) and its data (data_hash),
            // so the store holds exactly these blocks when it holds the last one.
            var last = blocks[^1].Header;
            await _channel.Store.WaitForBlockAsync(last.Number, stopping).WaitAsync(ApplyTimeout, stopping).ConfigureAwait(false);
            return StoredHeaderHash(last.Number).AsSpan().SequenceEqual(BlockHashing.HeaderHash(last))
                ? null
                : $"another block {last.Number} was committed first";
        }
        catch (Exception error) when (error is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            return $"{error.GetType().Name}: {error.Message}";
        }
    }

    /// <summary>
    /// The header hash of stored block <paramref name="number"/>: the store's tip hash when that block is the tip (the
    /// usual case, read between two equal heights so no append slipped in), else the block read back and parsed
    /// (~1 MiB of allocations at 500 transactions, which the usual case avoids).
    /// </summary>
    private byte[] StoredHeaderHash(ulong number)
    {
        var store = _channel.Store;
        var before = store.Height;
        var tip = store.TipHash;
        return before == number + 1 && store.Height == before
            ? tip.ToArray()
            : BlockHashing.HeaderHash(store.GetBlock(number).Header);
    }

    private sealed record CutBlock(Block Block, IReadOnlyList<PendingEnvelope> Envelopes, int Generation)
    {
        public void Succeed()
        {
            foreach (var pending in Envelopes)
            {
                pending.Complete(Status.Success);
            }
        }

        public void Fail()
        {
            foreach (var pending in Envelopes)
            {
                pending.Complete(Status.ServiceUnavailable);
            }
        }
    }
}
