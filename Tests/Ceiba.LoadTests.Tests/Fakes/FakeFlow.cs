using System.Diagnostics;
using Ceiba.LoadTests.Engine;

namespace Ceiba.LoadTests.Tests.Fakes;

/// <summary>
/// A test double for a workload flow: counts its runs and concurrency, optionally waits, and reports one sample
/// whose latency and outcome come from <see cref="Behaviour"/>.
/// </summary>
internal sealed class FakeFlow(string name = "fake-tx", string province = "03") : IFlow, IFlowSource
{
    private int running;
    private int maxRunning;
    private long runs;
    private readonly System.Collections.Concurrent.ConcurrentBag<int> users = [];

    public string Name { get; } = name;

    /// <summary>How long each run waits (asynchronously) before reporting; zero reports at once.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Decides a run's reported latency (from its intended start) and failure; null reports the real elapsed time, succeeded.</summary>
    public Func<FlowContext, (TimeSpan Latency, FailureKind Failure)>? Behaviour { get; init; }

    /// <summary>Called after each run reported; e.g. to cancel a run from inside.</summary>
    public Action<long>? AfterRun { get; init; }

    public bool IsWrite { get; init; } = true;

    public long Runs => Interlocked.Read(ref runs);

    public int MaxConcurrency => Volatile.Read(ref maxRunning);

    public IReadOnlyCollection<int> VirtualUsers => users;

    public IFlow Next(long sequence) => this;

    public async Task RunAsync(FlowContext context, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref running);
        for (var seen = Volatile.Read(ref maxRunning); now > seen; seen = Volatile.Read(ref maxRunning))
        {
            Interlocked.CompareExchange(ref maxRunning, now, seen);
        }
        users.Add(context.VirtualUser);
        var start = Stopwatch.GetTimestamp();
        try
        {
            if (Delay != TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }
            var (latency, failure) = Behaviour?.Invoke(context) ?? (Stopwatch.GetElapsedTime(context.IntendedTimestamp), FailureKind.None);
            var end = context.IntendedTimestamp + (long)(latency.TotalSeconds * Stopwatch.Frequency);
            context.Metrics.Record(new TransactionSample(
                Name, province, IsWrite, context.IntendedTimestamp, start, end,
                Endorse: TimeSpan.FromMilliseconds(1), Submit: IsWrite ? TimeSpan.FromMilliseconds(1) : null, Commit: IsWrite ? latency : null,
                failure, Error: failure == FailureKind.None ? null : "fake failure"));
        }
        finally
        {
            Interlocked.Decrement(ref running);
            var count = Interlocked.Increment(ref runs);
            AfterRun?.Invoke(count);
        }
    }
}
