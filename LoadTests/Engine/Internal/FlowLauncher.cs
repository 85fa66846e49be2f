using System.Diagnostics;
using Ceiba.LoadTests.Metrics;

namespace Ceiba.LoadTests.Engine.Internal;

/// <summary>
/// Starts flows for the drivers: caps how many run at once, records schedule lag, applies the per-flow timeout,
/// and turns a timed-out or broken flow into a failed sample instead of losing it.
/// </summary>
internal sealed class FlowLauncher(MetricsRecorder metrics, TimeSpan timeout, int maxInFlight, CancellationToken hardStop)
{
    private readonly SemaphoreSlim slots = new(maxInFlight, maxInFlight);
    private long inFlight;
    private long started;

    public long InFlight => Volatile.Read(ref inFlight);

    /// <summary>Flows started so far, warm-up included.</summary>
    public long Started => Volatile.Read(ref started);

    /// <summary>
    /// Starts a flow on the thread pool and returns once it has a slot. When <c>maxInFlight</c> flows are already
    /// running this waits, and the wait shows as schedule lag of this and later arrivals.
    /// </summary>
    public async ValueTask LaunchAsync(IFlow flow, long sequence, long intendedTimestamp, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref inFlight);
        Interlocked.Increment(ref started);
        _ = Task.Run(() => RunAndReleaseAsync(flow, sequence, -1, intendedTimestamp), CancellationToken.None);
    }

    /// <summary>Runs a flow on the caller's task (closed model) and returns when it has finished.</summary>
    public async Task RunInlineAsync(IFlow flow, long sequence, int virtualUser, long intendedTimestamp)
    {
        await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        Interlocked.Increment(ref inFlight);
        Interlocked.Increment(ref started);
        await RunAndReleaseAsync(flow, sequence, virtualUser, intendedTimestamp).ConfigureAwait(false);
    }

    /// <summary>Waits until no flow is running, or <paramref name="limit"/> passed; true when all finished.</summary>
    public async Task<bool> DrainAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (InFlight > 0)
        {
            if (Stopwatch.GetTimestamp() >= deadline)
            {
                return false;
            }
            await Task.Delay(10).ConfigureAwait(false);
        }
        return true;
    }

    private async Task RunAndReleaseAsync(IFlow flow, long sequence, int virtualUser, long intendedTimestamp)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            metrics.RecordScheduleLag(intendedTimestamp, start);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
            deadline.CancelAfter(timeout);
            try
            {
                await flow.RunAsync(new FlowContext(sequence, virtualUser, intendedTimestamp, metrics), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                var reason = hardStop.IsCancellationRequested
                    ? "still running when the run stopped"
                    : $"flow ran longer than the transaction timeout ({timeout.TotalSeconds:0.###} s)";
                RecordFailure(flow, intendedTimestamp, start, FailureKind.Timeout, reason);
            }
            catch (Exception error)
            {
                // A flow must report its own failures; one that throws has a bug, which the report shows instead of
                // the run dying with it.
                RecordFailure(flow, intendedTimestamp, start, FailureKind.Other, $"flow threw {error.GetType().Name}: {error.Message}");
            }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
            slots.Release();
        }
    }

    private void RecordFailure(IFlow flow, long intendedTimestamp, long start, FailureKind kind, string message) =>
        metrics.Record(new TransactionSample(
            flow.Name,
            Province: "-",
            IsWrite: false,
            intendedTimestamp,
            start,
            Stopwatch.GetTimestamp(),
            Endorse: null,
            Submit: null,
            Commit: null,
            kind,
            Error: message));
}
