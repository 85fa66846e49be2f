using System.Diagnostics;

namespace Ceiba.LoadTests.Engine.Internal;

/// <summary>
/// N virtual users, each running a flow, waiting for it, thinking, and running the next. A user's next flow is
/// meant to start when its think time ends; a late timer shows as schedule lag.
/// </summary>
internal static class ClosedModelDriver
{
    /// <param name="measureStart">When the warm-up ends; flows meant to start earlier are not measured or counted.</param>
    /// <param name="stopTimestamp">When users stop starting flows; null runs until <paramref name="maxFlows"/>.</param>
    public static async Task<ScheduleOutcome> RunAsync(
        RunContext run,
        int users,
        TimeSpan thinkTime,
        long measureStart,
        long? stopTimestamp,
        long? maxFlows,
        CancellationToken cancellationToken)
    {
        long measuredFlows = 0;
        var reachedMax = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (stopTimestamp is { } at)
        {
            stop.CancelAfter(TimeSpan.FromTicks(Math.Max(1, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at).Ticks)));
        }

        async Task UserAsync(int user)
        {
            var intended = Stopwatch.GetTimestamp();
            while (!stop.IsCancellationRequested)
            {
                if (intended >= measureStart && Interlocked.Increment(ref measuredFlows) > maxFlows)
                {
                    Interlocked.Decrement(ref measuredFlows);
                    Volatile.Write(ref reachedMax, 1);
                    await stop.CancelAsync().ConfigureAwait(false);
                    return;
                }
                var (flow, sequence) = run.NextFlow();
                await run.Launcher.RunInlineAsync(flow, sequence, user, intended).ConfigureAwait(false);
                intended = Stopwatch.GetTimestamp() + (long)(thinkTime.TotalSeconds * Stopwatch.Frequency);
                try
                {
                    await ScheduleClock.WaitUntilAsync(intended, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(() => UserAsync(user), CancellationToken.None))).ConfigureAwait(false);
        var reason = cancellationToken.IsCancellationRequested ? RunEndReason.Cancelled
            : Volatile.Read(ref reachedMax) == 1 ? RunEndReason.MaxTransactionsReached
            : RunEndReason.DurationReached;
        var end = reason == RunEndReason.DurationReached && stopTimestamp is { } s ? Math.Min(s, Stopwatch.GetTimestamp()) : Stopwatch.GetTimestamp();
        return new ScheduleOutcome(reason, end, Volatile.Read(ref measuredFlows));
    }
}
