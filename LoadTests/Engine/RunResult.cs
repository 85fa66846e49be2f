using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Metrics.Resources;
using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Engine;

/// <summary>Everything one run measured. Durations in seconds and latencies in milliseconds in the reports.</summary>
/// <param name="MeasuredDuration">From the end of the warm-up until arrivals stopped; goodput is counted over it.</param>
/// <param name="FlowsStarted">Flows started in the measured window.</param>
public sealed record RunResult(
    LoadModel Model,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    TimeSpan Warmup,
    TimeSpan MeasuredDuration,
    RunEndReason EndReason,
    long FlowsStarted,
    bool Drained,
    MetricsSnapshot Metrics,
    IReadOnlyList<SegmentResult> Segments,
    SaturationResult? Saturation,
    IReadOnlyList<IntervalPoint> Intervals,
    IReadOnlyList<ResourceSummary> Resources,
    IReadOnlyList<string> ResourceProbes,
    GeneratorCost Generator)
{
    /// <summary>Successful transactions per second over the measured window.</summary>
    public double Goodput => Rate(Metrics.Succeeded);

    /// <summary>VALID commits per second over the measured window.</summary>
    public double WriteGoodput => Rate(Metrics.SucceededWrites);

    /// <summary>Transactions started per second over the measured window (each started transaction ends as a sample, a timeout at worst).</summary>
    public double SendRate => Rate(Metrics.Completed);

    private double Rate(long count) => MeasuredDuration.TotalSeconds > 0 ? count / MeasuredDuration.TotalSeconds : 0;
}

/// <summary>Why a run stopped.</summary>
public enum RunEndReason
{
    /// <summary>The scenario's duration was reached (or the open-model schedule ended).</summary>
    DurationReached,

    /// <summary>The scenario's transaction count was reached.</summary>
    MaxTransactionsReached,

    /// <summary>Cancelled (Ctrl+C); the report covers what ran.</summary>
    Cancelled,

    /// <summary>Saturation: a step broke the p99 or error-rate limit.</summary>
    KneeFound,

    /// <summary>Saturation: every step up to the maximum rate passed.</summary>
    MaxRateReached,
}

/// <summary>One segment (phase or step) of the measured window.</summary>
/// <param name="StartSecond">Seconds from the start of measuring.</param>
public sealed record SegmentResult(
    string Name,
    double? OfferedRate,
    double StartSecond,
    double DurationSeconds,
    long Completed,
    long Succeeded,
    long Failed,
    double Goodput,
    double ErrorRate,
    LatencyStats EndToEnd);

/// <summary>The steps of a saturation run and the knee: the goodput of the highest step that met both limits.</summary>
public sealed record SaturationResult(IReadOnlyList<SaturationStep> Steps, double? KneeGoodput, double? KneeOfferedRate, string Verdict);

/// <summary>One saturation step and whether it stayed within the limits.</summary>
public sealed record SaturationStep(double OfferedRate, double SendRate, double Goodput, double EndToEndP99, double ErrorRate, bool Passed, string Reason);

/// <summary>Average and peak resource use of one process or container over the measured window.</summary>
public sealed record ResourceSummary(string Name, string Kind, double MeanCpuPercent, double MaxCpuPercent, double MeanRssMegabytes, double MaxRssMegabytes);

/// <summary>What the load generator itself cost: its process's CPU time per completed transaction.</summary>
/// <param name="CpuMillisecondsPerTransaction">Target: at most 0.1 ms, so the generator is never the bottleneck.</param>
public sealed record GeneratorCost(double CpuSeconds, long Transactions, double CpuMillisecondsPerTransaction)
{
    public const double TargetMillisecondsPerTransaction = 0.1;

    public bool WithinTarget => CpuMillisecondsPerTransaction <= TargetMillisecondsPerTransaction;
}
