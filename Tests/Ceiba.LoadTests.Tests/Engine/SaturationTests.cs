using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Scenarios;
using Ceiba.LoadTests.Tests.Fakes;

namespace Ceiba.LoadTests.Tests.Engine;

public sealed class SaturationTests
{
    private static ScenarioDefinition Saturation(double maxErrorRate = 0.01) => new()
    {
        Name = "test-saturation",
        Warmup = TimeSpan.Zero,
        Load = new LoadProfile
        {
            Model = LoadModel.Saturation,
            Saturation = new SaturationPlan
            {
                StartRate = 40,
                StepRate = 20,
                StepDuration = TimeSpan.FromSeconds(1),
                MaxRate = 200,
                MaxP99 = TimeSpan.FromMilliseconds(500),
                MaxErrorRate = maxErrorRate,
            },
        },
        Mix = [new FlowWeight("fake-tx", 1)],
    };

    /// <summary>The offered rate of the step an arrival belongs to, as the fake system's "load".</summary>
    private static double OfferedRate(FlowContext context) =>
        ((MetricsRecorder)context.Metrics).SegmentOf(context.IntendedTimestamp)?.OfferedRate ?? 0;

    [Fact]
    public async Task Saturation_stops_at_the_first_step_over_the_p99_limit_and_reports_the_knee()
    {
        // Arrange: a fake system that answers in 5 ms up to 100 arrivals/s and in 2 s beyond.
        var flow = new FakeFlow
        {
            Behaviour = context => (TimeSpan.FromMilliseconds(OfferedRate(context) <= 100 ? 5 : 2_000), FailureKind.None),
        };

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(Saturation(), flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert: steps 40, 60, 80, 100 pass; 120 breaks p99; the knee is 100/s offered, about 100 tx/s goodput.
        var saturation = Assert.IsType<SaturationResult>(result.Saturation);
        Assert.Equal(RunEndReason.KneeFound, result.EndReason);
        Assert.Equal([40.0, 60, 80, 100, 120], saturation.Steps.Select(step => step.OfferedRate));
        Assert.Equal([true, true, true, true, false], saturation.Steps.Select(step => step.Passed));
        Assert.Equal(100, saturation.KneeOfferedRate);
        Assert.InRange(saturation.KneeGoodput!.Value, 95, 105);
        Assert.Contains("p99", saturation.Steps[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_over_the_p99_limit_before_any_step_passed_do_not_end_the_run()
    {
        // Arrange: a batching-bound system, slow at low rates (blocks cut on a timeout), fast from 80/s, overloaded past 120/s.
        var flow = new FakeFlow
        {
            Behaviour = context => (TimeSpan.FromMilliseconds(OfferedRate(context) switch { < 80 => 800, <= 120 => 5, _ => 2_000 }), FailureKind.None),
        };

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(Saturation(), flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert: 40 and 60 fail on p99 but the ramp goes on; 80-120 pass; 140 ends the run; the knee is 120/s.
        var saturation = Assert.IsType<SaturationResult>(result.Saturation);
        Assert.Equal(RunEndReason.KneeFound, result.EndReason);
        Assert.Equal([40.0, 60, 80, 100, 120, 140], saturation.Steps.Select(step => step.OfferedRate));
        Assert.Equal([false, false, true, true, true, false], saturation.Steps.Select(step => step.Passed));
        Assert.Equal(120, saturation.KneeOfferedRate);
        Assert.Contains("below the knee", saturation.Steps[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("below the knee", saturation.Steps[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_p99_that_rises_again_before_any_step_passed_ends_the_run_as_overload()
    {
        // Arrange: overloaded from the start, latency grows with the rate.
        var flow = new FakeFlow
        {
            Behaviour = context => (TimeSpan.FromMilliseconds(OfferedRate(context) * 20), FailureKind.None),
        };

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(Saturation(), flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert: 40/s (800 ms) continues as possibly batching-bound, 60/s (1,200 ms) is higher, so the run ends there.
        var saturation = Assert.IsType<SaturationResult>(result.Saturation);
        Assert.Equal([40.0, 60], saturation.Steps.Select(step => step.OfferedRate));
        Assert.Null(saturation.KneeOfferedRate);
        Assert.Contains("below the knee", saturation.Steps[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("below the knee", saturation.Steps[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_rate_breach_ends_the_run_even_before_any_step_passed()
    {
        // Arrange: every fifth transaction fails from the first step on.
        var flow = new FakeFlow
        {
            Behaviour = context => (TimeSpan.FromMilliseconds(5), context.Sequence % 5 == 0 ? FailureKind.Endorsement : FailureKind.None),
        };

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(Saturation(), flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert
        var saturation = Assert.IsType<SaturationResult>(result.Saturation);
        Assert.Single(saturation.Steps);
        Assert.Null(saturation.KneeOfferedRate);
        Assert.Contains("error rate", saturation.Steps[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_step_is_followed_by_an_unmeasured_cool_down_at_its_rate()
    {
        // Arrange: two 1 s steps (40/s, then 60/s over the p99 limit after the first passed).
        var flow = new FakeFlow
        {
            Behaviour = context => (TimeSpan.FromMilliseconds(OfferedRate(context) <= 40 ? 5 : 2_000), FailureKind.None),
        };

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(Saturation(), flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert: 40 + 60 measured arrivals, and about as many again at each step's rate during its 1 s cool-down.
        var saturation = Assert.IsType<SaturationResult>(result.Saturation);
        Assert.Equal([40.0, 60], saturation.Steps.Select(step => step.OfferedRate));
        Assert.Equal(100, result.Metrics.Completed);
        Assert.InRange(flow.Runs - result.Metrics.Completed, 90, 110);
        Assert.Equal(flow.Runs, result.Generator.Transactions);
    }

    [Fact]
    public async Task Saturation_stops_at_the_first_step_over_the_error_rate_limit()
    {
        // Arrange: every tenth transaction fails with an MVCC conflict from 80 arrivals/s on.
        var flow = new FakeFlow
        {
            Behaviour = context => (TimeSpan.FromMilliseconds(5),
                OfferedRate(context) >= 80 && context.Sequence % 10 == 0 ? FailureKind.Mvcc : FailureKind.None),
        };

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(Saturation(), flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert
        var saturation = Assert.IsType<SaturationResult>(result.Saturation);
        Assert.Equal(60, saturation.KneeOfferedRate);
        Assert.False(saturation.Steps[^1].Passed);
        Assert.Contains("error rate", saturation.Steps[^1].Reason, StringComparison.Ordinal);
        Assert.True(result.Metrics.Failures[nameof(FailureKind.Mvcc)] > 0);
    }

    [Fact]
    public async Task Saturation_that_never_breaks_a_limit_reports_the_maximum_rate()
    {
        // Arrange
        var flow = new FakeFlow { Behaviour = _ => (TimeSpan.FromMilliseconds(5), FailureKind.None) };
        var scenario = Saturation() with
        {
            Load = Saturation().Load with { Saturation = Saturation().Load.Saturation! with { StartRate = 50, StepRate = 50, MaxRate = 100 } },
        };

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(scenario, flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(RunEndReason.MaxRateReached, result.EndReason);
        Assert.Equal(100, result.Saturation!.KneeOfferedRate);
        Assert.All(result.Saturation.Steps, step => Assert.True(step.Passed));
    }
}
