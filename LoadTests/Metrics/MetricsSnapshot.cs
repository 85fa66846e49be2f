namespace Ceiba.LoadTests.Metrics;

/// <summary>Everything a <see cref="MetricsRecorder"/> measured, summarised for the reports. Latencies in milliseconds.</summary>
public sealed record MetricsSnapshot(
    IReadOnlyList<StageSummary> Stages,
    IReadOnlyList<TypeSummary> Types,
    IReadOnlyDictionary<string, long> Failures,
    IReadOnlyList<ErrorCount> Errors,
    LatencyStats ScheduleLag,
    long Completed,
    long Succeeded,
    long SucceededWrites,
    long Failed)
{
    /// <summary>The share of completed transactions that failed (0–1).</summary>
    public double ErrorRate => Completed == 0 ? 0 : (double)Failed / Completed;

    public StageSummary? Stage(string name) => Stages.FirstOrDefault(stage => stage.Stage == name);
}

/// <summary>One stage's latency overall, per transaction type and per province, with its percentile curve.</summary>
public sealed record StageSummary(
    string Stage,
    LatencyStats Overall,
    IReadOnlyDictionary<string, LatencyStats> ByType,
    IReadOnlyDictionary<string, LatencyStats> ByProvince,
    IReadOnlyList<PercentilePoint> Distribution);

/// <summary>A point of a latency distribution: <see cref="Percentile"/> (0–100) of values are at or below <see cref="Milliseconds"/>.</summary>
public sealed record PercentilePoint(double Percentile, double Milliseconds);

/// <summary>One transaction type's counts.</summary>
public sealed record TypeSummary(string Type, bool IsWrite, long Completed, long Failed);

/// <summary>A distinct failure message and how often it occurred (the first few distinct messages are kept).</summary>
public sealed record ErrorCount(string Message, long Count);
