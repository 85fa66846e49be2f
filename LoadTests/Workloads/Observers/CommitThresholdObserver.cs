using System.Collections.Concurrent;
using System.Diagnostics;
using Ceiba.LoadTests.Engine;
using Ceiba.Network.Protos.Peer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ceiba.LoadTests.Workloads.Observers;

/// <summary>
/// The Performance and Scale WG's "latency @ network threshold": listens to the filtered block events of every peer
/// and, once a registered transaction has been seen VALID on <c>threshold</c> peers, records
/// <see cref="StageNames.CommitAtThreshold"/> with the latency from the transaction's intended start. Flows register a
/// transaction before submitting it. Memory stays bounded: entries older than <c>retention</c> (the scenario's
/// transaction timeout) are dropped unrecorded. A stream that breaks is reopened after the last block it delivered.
/// </summary>
internal sealed partial class CommitThresholdObserver : IAsyncDisposable
{
    private readonly IReadOnlyList<PeerBlockSource> _sources;
    private readonly int _threshold;
    private readonly long _retentionTicks;
    private readonly IMetricsSink _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly long[] _delivered;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastSweep = Stopwatch.GetTimestamp();
    private long _expired;

    public CommitThresholdObserver(IReadOnlyList<PeerBlockSource> sources, int? threshold, TimeSpan retention, IMetricsSink metrics, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(metrics);
        if (sources.Count == 0)
        {
            throw new ArgumentException("commit@threshold needs at least one peer to listen to.", nameof(sources));
        }

        _threshold = threshold ?? sources.Count;
        if (_threshold < 1 || _threshold > sources.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"commitThresholdPeers must be between 1 and the topology's {sources.Count} peers.");
        }

        _sources = sources;
        _delivered = [.. sources.Select(_ => -1L)];
        _retentionTicks = (long)(retention.TotalSeconds * Stopwatch.Frequency);
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How many peers must have seen a transaction VALID.</summary>
    public int Threshold => _threshold;

    /// <summary>How many peers are listened to.</summary>
    public int PeerCount => _sources.Count;

    /// <summary>Registered transactions still waiting for the threshold.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Registered transactions dropped because they outlived the retention.</summary>
    public long ExpiredCount => Interlocked.Read(ref _expired);

    /// <summary>
    /// Opens every peer's stream at <paramref name="startBlock"/> (a block already committed, so each stream answers at
    /// once) and waits until each has delivered it: from then on no commit can be missed.
    /// </summary>
    /// <exception cref="TimeoutException">A peer did not deliver within <paramref name="readyTimeout"/>.</exception>
    public async Task StartAsync(ulong startBlock, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _sources.Count; i++)
        {
            _pumps.Add(PumpAsync(i, startBlock, _stop.Token));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(readyTimeout);
        try
        {
            await WaitForBlockEverywhereAsync(startBlock, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var late = _sources.Where((_, i) => Interlocked.Read(ref _delivered[i]) < (long)startBlock).Select(s => s.Name);
            throw new TimeoutException($"commit@threshold: no block {startBlock} from {string.Join(", ", late)} within {readyTimeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>
    /// Completes once every peer has delivered block <paramref name="block"/>: from then on, an endorsement on any peer
    /// sees the writes of that block (a dependent write, such as a visit of a patient just created, needs it when the
    /// endorsement policy sends it to other orgs' peers, which may lag the client's own).
    /// </summary>
    public async Task WaitForBlockEverywhereAsync(ulong block, CancellationToken cancellationToken)
    {
        while (true)
        {
            var advanced = Volatile.Read(ref _advanced);
            if (LowestDelivered() >= (long)block)
            {
                return;
            }

            await advanced.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Watches <paramref name="txId"/>; call before submitting it.</summary>
    public void Register(string txId, string type, string province, long intendedTimestamp) =>
        _pending[txId] = new Pending(type, province, intendedTimestamp, Stopwatch.GetTimestamp());

    /// <summary>Stops watching a transaction that failed before or at commit.</summary>
    public void Forget(string txId) => _pending.TryRemove(txId, out _);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_pumps).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task PumpAsync(int index, ulong startBlock, CancellationToken stop)
    {
        var source = _sources[index];
        var next = startBlock;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var block in source.Open(next, stop).ConfigureAwait(false))
                {
                    Observe(block);
                    next = block.Number + 1;
                    Interlocked.Exchange(ref _delivered[index], (long)block.Number);
                    Interlocked.Exchange(ref _advanced, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogStreamBroken(_logger, source.Name, next, e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private long LowestDelivered()
    {
        var lowest = long.MaxValue;
        for (var i = 0; i < _delivered.Length; i++)
        {
            lowest = Math.Min(lowest, Interlocked.Read(ref _delivered[i]));
        }

        return lowest;
    }

    private void Observe(FilteredBlock block)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var transaction in block.FilteredTransactions)
        {
            if (transaction.TxValidationCode == TxValidationCode.Valid
                && _pending.TryGetValue(transaction.Txid, out var pending)
                && Interlocked.Increment(ref pending.Seen) == _threshold
                && _pending.TryRemove(transaction.Txid, out _))
            {
                _metrics.RecordStage(StageNames.CommitAtThreshold, pending.Type, pending.Province, pending.Intended, Stopwatch.GetElapsedTime(pending.Intended, now));
            }
        }

        SweepIfDue(now);
    }

    private void SweepIfDue(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last < Stopwatch.Frequency || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (txId, pending) in _pending)
        {
            if (now - pending.Registered > _retentionTicks && _pending.TryRemove(txId, out _))
            {
                Interlocked.Increment(ref _expired);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "commit@threshold: the block stream of {Peer} broke before block {Block}; reopening it: {Reason}")]
    private static partial void LogStreamBroken(ILogger logger, string peer, ulong block, string reason);

    private sealed class Pending(string type, string province, long intended, long registered)
    {
        public int Seen;

        public string Type { get; } = type;

        public string Province { get; } = province;

        public long Intended { get; } = intended;

        public long Registered { get; } = registered;
    }
}
