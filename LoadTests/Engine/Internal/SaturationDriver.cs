using System.Diagnostics;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Engine.Internal;

/// <summary>
/// Open-model steps of rising rate. Each step runs for its duration, its rate goes on unmeasured for a short cool-down,
/// then its in-flight flows are drained so that its p99 and error rate are complete; the run stops at the first step over a limit once a step has passed. The knee
/// is the goodput of the highest step that passed.
/// </summary>
/// <remarks>
/// Until a step passes, a step over the p99 limit alone (errors within their limit, p99 no higher than the step
/// before) does not end the run: below the rate that fills a block within BatchTimeout, Fabric cuts blocks on the
/// timeout, so latency is bound by batching and falls as the rate rises. Such a step is reported as failed with the
/// reason "below the knee". A p99 that rises again means overload, and ends the run.
/// </remarks>
internal static class SaturationDriver
{
    public static async Task<(ScheduleOutcome Outcome, SaturationResult Result)> RunAsync(
        RunContext run,
        SaturationPlan plan,
        TimeSpan drainLimit,
        long? stopTimestamp,
        long? maxFlows,
        CancellationToken cancellationToken)
    {
        var steps = new List<SaturationStep>();
        long flows = 0;
        var end = Stopwatch.GetTimestamp();
        var reason = RunEndReason.MaxRateReached;
        for (var (index, rate) = (1, plan.StartRate); rate <= plan.MaxRate + 1e-9; index++, rate += plan.StepRate)
        {
            var origin = Stopwatch.GetTimestamp();
            if (stopTimestamp is { } stopAt && origin >= stopAt)
            {
                reason = RunEndReason.DurationReached;
                break;
            }
            var segment = run.Metrics.BeginSegment($"step {index}: {rate:0.##}/s", origin, rate);
            var outcome = await OpenModelDriver.RunAsync(
                run,
                ArrivalSchedule.Constant(rate, plan.StepDuration),
                origin,
                plan.StepDuration,
                maxFlows - flows,
                segmentForPhase: null,
                cancellationToken).ConfigureAwait(false);
            MetricsRecorder.EndSegment(segment, outcome.EndTimestamp);
            flows += outcome.Flows;
            end = outcome.EndTimestamp;
            if (outcome.Reason == RunEndReason.DurationReached)
            {
                await CoolDownAsync(run, rate, plan, outcome.EndTimestamp, cancellationToken).ConfigureAwait(false);
            }
            await run.Launcher.DrainAsync(drainLimit).ConfigureAwait(false);
            var step = Evaluate(plan, segment, rate);
            steps.Add(step);
            if (outcome.Reason != RunEndReason.DurationReached)
            {
                reason = outcome.Reason;
                break;
            }
            if (!step.Passed)
            {
                if (IsBatchingBound(steps, step, plan))
                {
                    steps[^1] = step with { Reason = $"{step.Reason}; no step has passed yet, so latency may be bound by batching: below the knee" };
                    continue;
                }

                reason = RunEndReason.KneeFound;
                break;
            }
        }
        var knee = steps.LastOrDefault(step => step.Passed);
        var verdict = knee is null
            ? "no step met the limits; the knee is below the start rate"
            : reason == RunEndReason.KneeFound
                ? $"knee at {knee.OfferedRate:0.##}/s offered: {knee.Goodput:0.#} tx/s goodput; the next step broke a limit"
                : $"every step up to {knee.OfferedRate:0.##}/s passed ({reason}); the knee is at or above {knee.Goodput:0.#} tx/s";
        return (new ScheduleOutcome(reason, end, flows), new SaturationResult(steps, knee?.Goodput, knee?.OfferedRate, verdict));
    }

    /// <summary>
    /// Keeps arriving at the step's rate, unmeasured, for <see cref="CoolDown"/>: had arrivals stopped with the step, its
    /// last transactions would sit in a partly filled block until BatchTimeout and set the step's p99 whatever the rate.
    /// </summary>
    private static async Task CoolDownAsync(RunContext run, double rate, SaturationPlan plan, long origin, CancellationToken cancellationToken)
    {
        var coolDown = CoolDown(plan);
        await OpenModelDriver.RunAsync(run, ArrivalSchedule.Constant(rate, coolDown), origin, coolDown, maxFlows: null, segmentForPhase: null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>How long a step's rate goes on, unmeasured, after the step: 5 s, or the step's duration if shorter.</summary>
    internal static TimeSpan CoolDown(SaturationPlan plan) => plan.StepDuration < TimeSpan.FromSeconds(5) ? plan.StepDuration : TimeSpan.FromSeconds(5);

    /// <summary>
    /// True while no step has passed, errors are within their limit and p99 has not risen since the previous step:
    /// batching-bound latency falls as the rate rises, overload makes it rise.
    /// </summary>
    private static bool IsBatchingBound(List<SaturationStep> steps, SaturationStep step, SaturationPlan plan) =>
        !steps.Any(s => s.Passed)
        && step.ErrorRate <= plan.MaxErrorRate
        && step.Goodput > 0
        && (steps.Count < 2 || step.EndToEndP99 <= steps[^2].EndToEndP99);

    /// <summary>Judges a finished step against the plan's p99 and error-rate limits.</summary>
    internal static SaturationStep Evaluate(SaturationPlan plan, SegmentMetrics segment, double rate)
    {
        var seconds = Stopwatch.GetElapsedTime(segment.StartTimestamp, segment.EndTimestamp ?? Stopwatch.GetTimestamp()).TotalSeconds;
        var p99 = LatencyStats.PercentileMilliseconds(segment.EndToEnd.Copy(), 99);
        var goodput = seconds > 0 ? segment.Succeeded / seconds : 0;
        var sendRate = seconds > 0 ? segment.Completed / seconds : 0;
        var limitMs = plan.MaxP99.TotalMilliseconds;
        var (passed, why) = segment.Completed == 0 ? (false, "no transaction completed")
            : p99 > limitMs ? (false, $"p99 {p99:N0} ms > {limitMs:N0} ms")
            : segment.ErrorRate > plan.MaxErrorRate ? (false, $"error rate {Formats.Percent(segment.ErrorRate)} > {Formats.Percent(plan.MaxErrorRate)}")
            : (true, "within limits");
        return new SaturationStep(rate, Math.Round(sendRate, 2), Math.Round(goodput, 2), p99, Math.Round(segment.ErrorRate, 5), passed, why);
    }
}
