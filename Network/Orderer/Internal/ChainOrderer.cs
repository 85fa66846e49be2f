using System.Diagnostics;
using System.Threading.Channels;
using Ceiba.Network.Orderer.Blocks;
using Ceiba.Network.Orderer.Consensus;
using Ceiba.Network.Orderer.Cutting;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>
/// The leader's ordering pipeline for one channel. A cutter loop batches accepted envelopes by the
/// channel's BatchSize and BatchTimeout and builds signed blocks on the chain tip it tracks; a commit
/// loop commits the blocks one by one through consensus and answers the envelopes: SUCCESS only
/// once the local store holds exactly that block, SERVICE_UNAVAILABLE otherwise. A failure or a
/// leadership change bumps the generation, and the cutter resynchronizes with the store.
/// </summary>
internal sealed class ChainOrderer : IAsyncDisposable
{
    private const int MaxBlocksPerCommit = 8;
    private const long MaxBytesPerCommit = 1024 * 1024;
    private static readonly TimeSpan ApplyTimeout = TimeSpan.FromSeconds(10);

    private readonly OrdererChannel _channel;
    private readonly OrdererBlockFactory _blocks;
    private readonly IBlockConsensus _consensus;
    private readonly OrdererMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Channel<PendingEnvelope> _incoming = System.Threading.Channels.Channel.CreateUnbounded<PendingEnvelope>(new() { SingleReader = true });
    private readonly Channel<CutBlock> _cut = System.Threading.Channels.Channel.CreateBounded<CutBlock>(new BoundedChannelOptions(MaxBlocksPerCommit * 2) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _cutLoop;
    private readonly Task _commitLoop;
    private int _generation;

    public ChainOrderer(OrdererChannel channel, OrdererBlockFactory blocks, IBlockConsensus consensus, OrdererMetrics metrics, ILogger logger, TimeProvider clock)
    {
        _channel = channel;
        _blocks = blocks;
        _consensus = consensus;
        _metrics = metrics;
        _logger = logger;
        _clock = clock;
        consensus.LeadershipChanged += Resynchronize;
        _cutLoop = Task.Run(() => CutLoopAsync(_stopping.Token));
        _commitLoop = Task.Run(() => CommitLoopAsync(_stopping.Token));
    }

    /// <summary>Queues an accepted envelope; completes with its final status.</summary>
    public Task<Status> OrderAsync(PendingEnvelope envelope)
    {
        return _incoming.Writer.TryWrite(envelope) ? envelope.Completion : Task.FromResult(Status.ServiceUnavailable);
    }

    public async ValueTask DisposeAsync()
    {
        _consensus.LeadershipChanged -= Resynchronize;
        _incoming.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_cutLoop, _commitLoop).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        while (_incoming.Reader.TryRead(out var pending))
        {
            pending.Complete(Status.ServiceUnavailable);
        }

        while (_cut.Reader.TryRead(out var block))
        {
            block.Fail();
        }

        _stopping.Dispose();
    }

    private void Resynchronize() => Interlocked.Increment(ref _generation);

    private async Task CutLoopAsync(CancellationToken stopping)
    {
        var cutter = new BlockCutter<PendingEnvelope>(_channel.Limits);
        var tip = new ChainTip(ulong.MaxValue, ReadOnlyMemory<byte>.Empty, -1);
        var firstPendingAt = 0L;
        try
        {
            while (true)
            {
                if (cutter.HasPending && !await WaitForEnvelopeAsync(firstPendingAt, stopping).ConfigureAwait(false))
                {
                    tip = await EmitAsync(cutter.Cut(), firstPendingAt, tip, stopping).ConfigureAwait(false);
                    continue;
                }

                if (!cutter.HasPending && !await _incoming.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
                {
                    return;
                }

                while (_incoming.Reader.TryRead(out var pending))
                {
                    var wasPending = cutter.HasPending;
                    var batches = cutter.Ordered(pending, pending.Size);
                    var now = _clock.GetTimestamp();
                    foreach (var batch in batches)
                    {
                        tip = await EmitAsync(batch, wasPending ? firstPendingAt : now, tip, stopping).ConfigureAwait(false);
                        wasPending = false;
                    }

                    if (cutter.HasPending && (batches.Count > 0 || cutter.PendingCount == 1))
                    {
                        firstPendingAt = now;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            foreach (var pending in cutter.Cut())
            {
                pending.Complete(Status.ServiceUnavailable);
            }
        }
    }

    /// <summary>Waits for more envelopes until the batch timeout of the pending batch; false when the timeout fired.</summary>
    private async Task<bool> WaitForEnvelopeAsync(long firstPendingAt, CancellationToken stopping)
    {
        var remaining = _channel.Limits.BatchTimeout - _clock.GetElapsedTime(firstPendingAt);
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(remaining);
        try
        {
            return await _incoming.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<ChainTip> EmitAsync(IReadOnlyList<PendingEnvelope> batch, long firstPendingAt, ChainTip tip, CancellationToken stopping)
    {
        if (batch.Count == 0)
        {
            return tip;
        }

        _metrics.BlockFilled(_channel.Name, _clock.GetElapsedTime(firstPendingAt));
        if (!_consensus.IsLeader)
        {
            foreach (var pending in batch)
            {
                pending.Complete(Status.ServiceUnavailable);
            }

            return tip;
        }

        var generation = Volatile.Read(ref _generation);
        if (tip.Generation != generation)
        {
            await _consensus.CatchUpAsync(stopping).ConfigureAwait(false);
            tip = new ChainTip(_channel.Store.Height, _channel.Store.TipHash.ToArray(), generation);
        }

        var block = _blocks.Create(tip.NextNumber, tip.PreviousHash, batch.Select(p => p.Envelope));
        Log.BlockCut(_logger, _channel.Name, block.Header.Number, batch.Count);
        await _cut.Writer.WriteAsync(new CutBlock(block, batch, generation), stopping).ConfigureAwait(false);
        return new ChainTip(tip.NextNumber + 1, BlockHashing.HeaderHash(block.Header), generation);
    }

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

            foreach (var block in blocks)
            {
                var number = block.Header.Number;
                await _channel.Store.WaitForBlockAsync(number, stopping).WaitAsync(ApplyTimeout, stopping).ConfigureAwait(false);
                var stored = _channel.Store.GetBlock(number);
                if (!BlockHashing.HeaderHash(stored.Header).AsSpan().SequenceEqual(BlockHashing.HeaderHash(block.Header)))
                {
                    return $"another block {number} was committed first";
                }
            }

            return null;
        }
        catch (Exception error) when (error is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            return $"{error.GetType().Name}: {error.Message}";
        }
    }

    private readonly record struct ChainTip(ulong NextNumber, ReadOnlyMemory<byte> PreviousHash, int Generation);

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
