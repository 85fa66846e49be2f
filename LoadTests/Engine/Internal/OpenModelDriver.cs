using System.Diagnostics;
using Ceiba.LoadTests.Metrics;

namespace Ceiba.LoadTests.Engine.Internal;

/// <summary>
/// Dispatches the arrivals of a schedule at their intended times, whatever the system's answer times (no
/// coordinated omission): each flow gets its intended timestamp, and a late dispatch is recorded as schedule lag.
/// </summary>
internal static class OpenModelDriver
{
    /// <param name="origin">The Stopwatch timestamp the schedule's offsets count from.</param>
    /// <param name="duration">Arrivals stop at this offset; null runs until <paramref name="maxFlows"/>.</param>
    /// <param name="maxFlows">Arrivals stop after this many flows; null runs until <paramref name="duration"/>.</param>
    /// <param name="segmentForPhase">Begins the segment of a phase on its first arrival; null for the warm-up.</param>
    public static async Task<ScheduleOutcome> RunAsync(
        RunContext run,
        ArrivalSchedule schedule,
        long origin,
        TimeSpan? duration,
        long? maxFlows,
        Func<int, long, SegmentMetrics>? segmentForPhase,
        CancellationToken cancellationToken)
    {
        var phaseStarts = schedule.PhaseStarts();
        var currentPhase = -1;
        SegmentMetrics? segment = null;
        long flows = 0;
        var reason = RunEndReason.DurationReached;
        try
        {
            foreach (var (phase, offset) in schedule.Arrivals())
            {
                if (duration is { } limit && offset >= limit)
                {
                    break;
                }
                if (maxFlows is { } max && flows >= max)
                {
                    reason = RunEndReason.MaxTransactionsReached;
                    break;
                }
                if (phase != currentPhase && segmentForPhase is not null)
                {
                    if (segment is not null)
                    {
                        MetricsRecorder.EndSegment(segment, ScheduleClock.At(origin, phaseStarts[phase]));
                    }
                    segment = segmentForPhase(phase, ScheduleClock.At(origin, phaseStarts[phase]));
                }
                currentPhase = phase;
                var intended = ScheduleClock.At(origin, offset);
                await ScheduleClock.WaitUntilAsync(intended, cancellationToken).ConfigureAwait(false);
                var (flow, sequence) = run.NextFlow();
                await run.Launcher.LaunchAsync(flow, sequence, intended, cancellationToken).ConfigureAwait(false);
                flows++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = RunEndReason.Cancelled;
        }
        var end = Stopwatch.GetTimestamp();
        if (reason == RunEndReason.DurationReached && duration is { } window)
        {
            // The window lasts its full length even when its last arrival came earlier, so rates are per the window.
            end = ScheduleClock.At(origin, window);
            try
            {
                await ScheduleClock.WaitUntilAsync(end, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                reason = RunEndReason.Cancelled;
                end = Stopwatch.GetTimestamp();
            }
        }
        if (segment is not null)
        {
            MetricsRecorder.EndSegment(segment, end);
        }
        return new ScheduleOutcome(reason, end, flows);
    }
}
