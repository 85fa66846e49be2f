using System.Threading.Channels;
using Ceiba.Network.Orderer.Blocks;
using Ceiba.Network.Orderer.Consensus;
using Ceiba.Network.Orderer.Cutting;
using Ceiba.Network.Protos.Common;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>
/// The leader's ordering pipeline for one channel. A cutter loop batches accepted envelopes by the
/// channel's BatchSize and BatchTimeout and builds signed blocks on the chain tip it tracks; a commit
/// loop commits the blocks one by one through consensus and answers the envelopes: SUCCESS only
/// once the local store holds exactly that block, SERVICE_UNAVAILABLE otherwise. A failure or a
/// leadership change bumps the generation, and the cutter resynchronizes with the store.
/// </summary>
/// <remarks>
/// What the leader holds is bounded, as in Fabric's etcdraft (MaxInflightBlocks): at most
/// <see cref="MaxQueuedEnvelopes"/> admitted envelopes wait for the cutter, and at most <see cref="MaxQueuedBlocks"/>
/// cut blocks wait for their commit. When both are full, <see cref="AdmitAsync"/> waits, the Broadcast streams stop
/// reading, and HTTP/2 flow control holds the rest of the load back at the clients.
/// </remarks>
internal sealed partial class ChainOrderer : IAsyncDisposable
{
    private const int MaxBlocksPerCommit = 8;
    private const int MaxQueuedEnvelopes = 64;
    private const int MaxQueuedBlocks = 1;
    private const long MaxBytesPerCommit = 1024 * 1024;
    private static readonly TimeSpan ApplyTimeout = TimeSpan.FromSeconds(10);

    private readonly OrdererChannel _channel;
    private readonly OrdererBlockFactory _blocks;
    private readonly IBlockConsensus _consensus;
    private readonly OrdererMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Channel<PendingEnvelope> _incoming = System.Threading.Channels.Channel.CreateBounded<PendingEnvelope>(new BoundedChannelOptions(MaxQueuedEnvelopes) { SingleReader = true });
    private readonly Channel<CutBlock> _cut = System.Threading.Channels.Channel.CreateBounded<CutBlock>(new BoundedChannelOptions(MaxQueuedBlocks) { SingleReader = true, SingleWriter = true });
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

    /// <summary>
    /// Queues an accepted envelope, waiting while the pipeline is full; <paramref name="envelope"/> then completes with
    /// its final status (SERVICE_UNAVAILABLE at once when the pipeline is stopping).
    /// </summary>
    public ValueTask AdmitAsync(PendingEnvelope envelope, CancellationToken cancellationToken)
    {
        return _incoming.Writer.TryWrite(envelope) ? ValueTask.CompletedTask : WaitToAdmitAsync(envelope, cancellationToken);
    }

    private async ValueTask WaitToAdmitAsync(PendingEnvelope envelope, CancellationToken cancellationToken)
    {
        try
        {
            await _incoming.Writer.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            envelope.Complete(Status.ServiceUnavailable);
        }
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
        try
        {
            if (tip.Generation != generation)
            {
                await _consensus.CatchUpAsync(stopping).ConfigureAwait(false);
                tip = new ChainTip(_channel.Store.Height, _channel.Store.TipHash.ToArray(), generation);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // Lost leadership or quorum while catching up: answer this batch 503 and resynchronize on the next one.
            Log.BlockNotCommitted(_logger, _channel.Name, tip.NextNumber, batch.Count, $"catching up with the committed chain failed: {error.Message}");
            foreach (var pending in batch)
            {
                pending.Complete(Status.ServiceUnavailable);
            }

            return tip with { Generation = -1 };
        }

        var block = _blocks.Create(tip.NextNumber, tip.PreviousHash, batch.Select(p => p.Envelope));
        Log.BlockCut(_logger, _channel.Name, block.Header.Number, batch.Count);
        await _cut.Writer.WriteAsync(new CutBlock(block, batch, generation), stopping).ConfigureAwait(false);
        return new ChainTip(tip.NextNumber + 1, BlockHashing.HeaderHash(block.Header), generation);
    }

    private readonly record struct ChainTip(ulong NextNumber, ReadOnlyMemory<byte> PreviousHash, int Generation);
}
