using Ceiba.LoadTests.Engine;
using HdrHistogram;

namespace Ceiba.LoadTests.Metrics;

public sealed partial class MetricsRecorder
{
    private static readonly double[] DistributionPercentiles =
        [0, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90, 95, 97, 98, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100];

    private static readonly string[] StageOrder =
        [StageNames.Endorse, StageNames.Submit, StageNames.Commit, StageNames.CommitAtThreshold, StageNames.EndToEnd];

    /// <summary>Summarises everything recorded so far; safe to call while recording goes on.</summary>
    public MetricsSnapshot Snapshot()
    {
        var stages = Stages
            .OrderBy(stage => Array.IndexOf(StageOrder, stage) is var i and >= 0 ? i : StageOrder.Length)
            .ThenBy(stage => stage, StringComparer.Ordinal)
            .Select(SummariseStage)
            .ToList();
        var types = typeCounters
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new TypeSummary(pair.Key, pair.Value.IsWrite, pair.Value.Completed, pair.Value.Failed))
            .ToList();
        var failureCounts = Enum.GetValues<FailureKind>()
            .Where(kind => kind != FailureKind.None)
            .ToDictionary(kind => kind.ToString(), kind => Volatile.Read(ref failures[(int)kind]));
        var errors = errorMessages
            .OrderByDescending(pair => pair.Value)
            .Select(pair => new ErrorCount(pair.Key, pair.Value))
            .ToList();
        var completed = segments.Sum(segment => segment.Completed);
        var succeeded = segments.Sum(segment => segment.Succeeded);
        var succeededWrites = types.Where(type => type.IsWrite).Sum(type => type.Completed - type.Failed);
        return new MetricsSnapshot(
            stages,
            types,
            failureCounts,
            errors,
            LatencyStats.From(scheduleLag.Copy()),
            completed,
            succeeded,
            succeededWrites,
            completed - succeeded);
    }

    /// <summary>The combined histogram of one stage over every transaction type (microseconds).</summary>
    public LongHistogram StageHistogram(string stage)
    {
        var total = LatencyHistogram.Create();
        foreach (var (key, histogram) in byType)
        {
            if (key.Stage == stage)
            {
                total.Add(histogram.Copy());
            }
        }
        return total;
    }

    private StageSummary SummariseStage(string stage)
    {
        var overall = StageHistogram(stage);
        var perType = byType
            .Where(pair => pair.Key.Stage == stage)
            .OrderBy(pair => pair.Key.Type, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key.Type, pair => LatencyStats.From(pair.Value.Copy()));
        var perProvince = byProvince
            .Where(pair => pair.Key.Stage == stage)
            .OrderBy(pair => pair.Key.Province, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key.Province, pair => LatencyStats.From(pair.Value.Copy()));
        var distribution = overall.TotalCount == 0
            ? []
            : DistributionPercentiles
                .Select(p => new PercentilePoint(p, LatencyStats.PercentileMilliseconds(overall, p)))
                .ToList();
        return new StageSummary(stage, LatencyStats.From(overall), perType, perProvince, distribution);
    }
}
