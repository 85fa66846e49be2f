using System.Diagnostics;
using Ceiba.LoadTests.Engine.Internal;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Metrics.Resources;
using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Engine;

/// <summary>
/// Runs a scenario's load against a workload's flows: open model (arrival schedule), closed model (virtual users)
/// or saturation (rising steps until a limit breaks). Warm-up is offered but not measured. Cancelling the token stops
/// arrivals; flows in flight get up to the transaction timeout to finish, and the result still covers what ran.
/// </summary>
public static class LoadRunner
{
    public static async Task<RunResult> RunAsync(LoadRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scenario = options.Scenario;
        var metrics = options.Metrics;
        var startedAt = DateTimeOffset.UtcNow;
        var cpuAtStart = ClientProcessProbe.TotalCpu();
        using var hardStop = new CancellationTokenSource();
        var launcher = new FlowLauncher(metrics, scenario.TransactionTimeout, options.MaxInFlight, hardStop.Token);
        var run = new RunContext(launcher, metrics, options.Flows);
        var sampler = new IntervalSampler(metrics, options.Resources, () => launcher.InFlight, options.Progress);
        using var stopSampler = new CancellationTokenSource();
        var sampling = sampler.RunAsync(options.SampleInterval, stopSampler.Token);

        var (outcome, saturation) = await DriveAsync(run, scenario, cancellationToken).ConfigureAwait(false);

        var drained = await launcher.DrainAsync(scenario.TransactionTimeout).ConfigureAwait(false);
        if (!drained)
        {
            await hardStop.CancelAsync().ConfigureAwait(false);
            await launcher.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        await stopSampler.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        sampler.TickOnce();

        var measureStart = metrics.MeasurementStartTimestamp;
        var measured = measureStart is { } origin && outcome.EndTimestamp > origin
            ? Stopwatch.GetElapsedTime(origin, outcome.EndTimestamp)
            : TimeSpan.Zero;
        var snapshot = metrics.Snapshot();
        var cpu = ClientProcessProbe.TotalCpu() - cpuAtStart;
        var transactions = snapshot.Completed + metrics.WarmupSamples;
        return new RunResult(
            scenario.Load.Model,
            startedAt,
            DateTimeOffset.UtcNow,
            scenario.Warmup,
            measured,
            outcome.Reason,
            outcome.Flows,
            drained,
            snapshot,
            Segments(metrics),
            saturation,
            sampler.BuildSeries((int)Math.Ceiling(measured.TotalSeconds)),
            SummariseResources(sampler.AllReadings),
            options.Resources?.Describe() ?? [],
            new GeneratorCost(
                Math.Round(cpu.TotalSeconds, 3),
                transactions,
                transactions == 0 ? 0 : Math.Round(cpu.TotalMilliseconds / transactions, 4)));
    }

    private static async Task<(ScheduleOutcome Outcome, SaturationResult? Saturation)> DriveAsync(
        RunContext run, ScenarioDefinition scenario, CancellationToken cancellationToken)
    {
        var load = scenario.Load;
        var warmupStart = Stopwatch.GetTimestamp();
        var measureStart = ScheduleClock.At(warmupStart, scenario.Warmup);
        switch (load.Model)
        {
            case LoadModel.Open:
            {
                var phases = load.Phases ?? throw new ArgumentException("load.phases is required for the open model", nameof(scenario));
                if (await WarmUpAsync(run, phases[0].Rate, warmupStart, scenario.Warmup, cancellationToken).ConfigureAwait(false) is { } cancelled)
                {
                    return (cancelled, null);
                }
                var schedule = new ArrivalSchedule(phases, repeatLast: true);
                var outcome = await OpenModelDriver.RunAsync(
                    run,
                    schedule,
                    measureStart,
                    scenario.Duration,
                    scenario.MaxTransactions,
                    (phase, start) => run.Metrics.BeginSegment($"phase {phase + 1}: {ArrivalSchedule.Describe(phases[phase])}", start, phases[phase].Rate),
                    cancellationToken).ConfigureAwait(false);
                return (outcome, null);
            }
            case LoadModel.Closed:
            {
                var users = load.Users ?? throw new ArgumentException("load.users is required for the closed model", nameof(scenario));
                var segment = run.Metrics.BeginSegment($"{users} users", measureStart);
                long? stop = scenario.Duration is { } duration ? ScheduleClock.At(measureStart, duration) : null;
                var outcome = await ClosedModelDriver.RunAsync(
                    run, users, load.ThinkTime ?? TimeSpan.Zero, measureStart, stop, scenario.MaxTransactions, cancellationToken).ConfigureAwait(false);
                MetricsRecorder.EndSegment(segment, outcome.EndTimestamp);
                return (outcome, null);
            }
            case LoadModel.Saturation:
            {
                var plan = load.Saturation ?? throw new ArgumentException("load.saturation is required for the saturation model", nameof(scenario));
                if (await WarmUpAsync(run, plan.StartRate, warmupStart, scenario.Warmup, cancellationToken).ConfigureAwait(false) is { } cancelled)
                {
                    return (cancelled, null);
                }
                long? stop = scenario.Duration is { } duration ? ScheduleClock.At(measureStart, duration) : null;
                var (outcome, result) = await SaturationDriver.RunAsync(
                    run, plan, scenario.TransactionTimeout, stop, scenario.MaxTransactions, cancellationToken).ConfigureAwait(false);
                return (outcome, result);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), load.Model, "unknown load model");
        }
    }

    /// <summary>Offers the warm-up load; returns an outcome only when the run was cancelled during it.</summary>
    private static async Task<ScheduleOutcome?> WarmUpAsync(RunContext run, double rate, long start, TimeSpan warmup, CancellationToken cancellationToken)
    {
        if (warmup <= TimeSpan.Zero)
        {
            return null;
        }
        var outcome = await OpenModelDriver.RunAsync(
            run, ArrivalSchedule.Constant(rate, warmup), start, warmup, null, null, cancellationToken).ConfigureAwait(false);
        return outcome.Reason == RunEndReason.Cancelled ? outcome with { Flows = 0 } : null;
    }

    private static List<SegmentResult> Segments(MetricsRecorder metrics)
    {
        var origin = metrics.MeasurementStartTimestamp ?? 0;
        return metrics.Segments.Select(segment =>
        {
            var end = segment.EndTimestamp ?? Stopwatch.GetTimestamp();
            var seconds = Stopwatch.GetElapsedTime(segment.StartTimestamp, end).TotalSeconds;
            return new SegmentResult(
                segment.Name,
                segment.OfferedRate,
                Math.Round(Stopwatch.GetElapsedTime(origin, segment.StartTimestamp).TotalSeconds, 3),
                Math.Round(seconds, 3),
                segment.Completed,
                segment.Succeeded,
                segment.Failed,
                seconds > 0 ? Math.Round(segment.Succeeded / seconds, 2) : 0,
                Math.Round(segment.ErrorRate, 5),
                LatencyStats.From(segment.EndToEnd.Copy()));
        }).ToList();
    }

    private static List<ResourceSummary> SummariseResources(IReadOnlyList<ResourceReading> readings) =>
        readings
            .GroupBy(reading => (reading.Name, reading.Kind))
            .OrderBy(group => group.Key.Kind == "client" ? 0 : 1)
            .ThenBy(group => group.Key.Name, StringComparer.Ordinal)
            .Select(group => new ResourceSummary(
                group.Key.Name,
                group.Key.Kind,
                Math.Round(group.Average(r => r.CpuPercent), 1),
                Math.Round(group.Max(r => r.CpuPercent), 1),
                Math.Round(group.Average(r => r.RssBytes) / 1048576.0, 1),
                Math.Round(group.Max(r => r.RssBytes) / 1048576.0, 1)))
            .ToList();
}
