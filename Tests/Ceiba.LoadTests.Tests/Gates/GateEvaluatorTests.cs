using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Gates;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Tests.Gates;

public sealed class GateEvaluatorTests
{
    private static RunResult Result(double goodputCount, long failed, double endToEndP99, double endToEndP95 = 100)
    {
        var stats = new LatencyStats(100, 50, 40, 80, endToEndP95, endToEndP99, endToEndP99, endToEndP99);
        var metrics = new MetricsSnapshot(
            [new StageSummary(StageNames.EndToEnd, stats, new Dictionary<string, LatencyStats>(), new Dictionary<string, LatencyStats>(), [])],
            [],
            new Dictionary<string, long>(),
            [],
            LatencyStats.Empty,
            Completed: (long)goodputCount + failed,
            Succeeded: (long)goodputCount,
            SucceededWrites: (long)goodputCount,
            Failed: failed);
        return new RunResult(
            LoadModel.Open, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, TimeSpan.Zero, TimeSpan.FromSeconds(10),
            RunEndReason.DurationReached, 0, true, metrics, [], null, [], [], [], new GeneratorCost(0, 0, 0));
    }

    [Fact]
    public void A_run_within_every_threshold_passes_every_gate()
    {
        // Arrange
        var thresholds = new ScenarioThresholds
        {
            MinThroughput = 50,
            MaxErrorRate = 0.05,
            Stages = new Dictionary<string, StageLimits> { [StageNames.EndToEnd] = new() { P95 = TimeSpan.FromMilliseconds(500), P99 = TimeSpan.FromSeconds(2) } },
        };

        // Act: 1,000 successes in 10 s = 100 tx/s, 1% errors, p99 1.5 s.
        var checks = GateEvaluator.Evaluate(thresholds, Result(1000, 10, 1500));

        // Assert
        Assert.Equal(4, checks.Count);
        Assert.All(checks, check => Assert.True(check.Passed, check.Description));
        Assert.Empty(GateEvaluator.Breaches(checks));
    }

    [Fact]
    public void Each_breach_is_listed_with_the_measured_value_and_the_limit()
    {
        // Arrange
        var thresholds = new ScenarioThresholds
        {
            MinThroughput = 200,
            MaxErrorRate = 0.01,
            Stages = new Dictionary<string, StageLimits> { [StageNames.EndToEnd] = new() { P99 = TimeSpan.FromSeconds(2) } },
        };

        // Act
        var breaches = GateEvaluator.Breaches(GateEvaluator.Evaluate(thresholds, Result(1000, 100, 2341)));

        // Assert
        Assert.Equal(
            ["throughput 100 tx/s < 200 tx/s", "error rate 9.09% > 1.00%", "end-to-end p99 2,341 ms > 2,000 ms"],
            breaches.Select(breach => breach.Description));
    }

    [Fact]
    public void A_limit_on_a_stage_without_samples_is_a_breach()
    {
        // Arrange
        var thresholds = new ScenarioThresholds
        {
            Stages = new Dictionary<string, StageLimits> { [StageNames.Commit] = new() { P95 = TimeSpan.FromSeconds(1) } },
        };

        // Act
        var breach = Assert.Single(GateEvaluator.Breaches(GateEvaluator.Evaluate(thresholds, Result(1000, 0, 100))));

        // Assert
        Assert.Equal("commit p95", breach.Gate);
        Assert.Contains("no samples", breach.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_without_thresholds_has_no_gates()
    {
        // Act
        var checks = GateEvaluator.Evaluate(null, Result(1, 1, 1));

        // Assert
        Assert.Empty(checks);
    }
}
