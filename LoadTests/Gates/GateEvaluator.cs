using System.Globalization;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Gates;

/// <summary>Checks a run against its scenario's thresholds: minimum goodput, maximum error rate, per-stage p95 and p99.</summary>
public static class GateEvaluator
{
    /// <summary>Every check the thresholds ask for, passed or not; an empty list when the scenario declares none.</summary>
    public static IReadOnlyList<GateCheck> Evaluate(ScenarioThresholds? thresholds, RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (thresholds is null)
        {
            return [];
        }
        var checks = new List<GateCheck>();
        if (thresholds.MinThroughput is { } minimum)
        {
            var goodput = Math.Round(result.Goodput, 2);
            checks.Add(Check("throughput", goodput, minimum, "tx/s", goodput >= minimum, goodput >= minimum ? ">=" : "<"));
        }
        if (thresholds.MaxErrorRate is { } maxErrors)
        {
            var rate = result.Metrics.ErrorRate;
            var passed = rate <= maxErrors;
            checks.Add(new GateCheck(
                "error rate",
                rate,
                maxErrors,
                "share",
                passed,
                string.Create(CultureInfo.InvariantCulture, $"error rate {Formats.Percent(rate)} {(passed ? "<=" : ">")} {Formats.Percent(maxErrors)}")));
        }
        foreach (var (stage, limits) in thresholds.Stages ?? new Dictionary<string, StageLimits>())
        {
            var summary = result.Metrics.Stage(stage);
            foreach (var (name, limit) in new[] { ("p95", limits.P95), ("p99", limits.P99) })
            {
                if (limit is not { } max)
                {
                    continue;
                }
                var limitMs = max.TotalMilliseconds;
                if (summary is null || summary.Overall.Count == 0)
                {
                    checks.Add(new GateCheck(
                        $"{stage} {name}", double.NaN, limitMs, "ms", false,
                        string.Create(CultureInfo.InvariantCulture, $"{stage} {name}: no samples, so the limit of {limitMs:N0} ms cannot be shown to hold")));
                    continue;
                }
                var actual = name == "p95" ? summary.Overall.P95 : summary.Overall.P99;
                checks.Add(Check($"{stage} {name}", actual, limitMs, "ms", actual <= limitMs, actual <= limitMs ? "<=" : ">"));
            }
        }
        return checks;
    }

    /// <summary>The checks that failed.</summary>
    public static IReadOnlyList<GateCheck> Breaches(IReadOnlyList<GateCheck> checks) => [.. checks.Where(check => !check.Passed)];

    private static GateCheck Check(string gate, double actual, double limit, string unit, bool passed, string comparison) =>
        new(gate, actual, limit, unit, passed,
            string.Create(CultureInfo.InvariantCulture, $"{gate} {actual:#,0.##} {unit} {comparison} {limit:#,0.##} {unit}"));
}
