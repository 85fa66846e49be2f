using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Tests.Fakes;

namespace Ceiba.LoadTests.Tests.Engine;

public sealed class LoadRunnerOpenModelTests
{
    [Fact]
    public async Task Open_model_issues_exactly_the_scheduled_arrivals()
    {
        // Arrange
        var flow = new FakeFlow();
        var metrics = new MetricsRecorder();
        var scenario = TestScenarios.Open(rate: 40, duration: TimeSpan.FromSeconds(1.5));

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(scenario, flow, metrics), TestContext.Current.CancellationToken);

        // Assert: 40/s for 1.5 s is arrivals at k/40 for k = 0..59.
        Assert.Equal(60, flow.Runs);
        Assert.Equal(60, result.FlowsStarted);
        Assert.Equal(60, result.Metrics.Completed);
        Assert.Equal(RunEndReason.DurationReached, result.EndReason);
        Assert.Equal(60, result.Intervals.Sum(point => point.ArrivalsScheduled));
        Assert.Equal(60, result.Intervals.Sum(point => point.Started));
    }

    [Fact]
    public async Task Schedule_lag_is_recorded_and_counted_in_latency_when_flows_block()
    {
        // Arrange: one slot and flows of 100 ms against arrivals every 50 ms, so each arrival must wait for the
        // previous flow: arrival k cannot start before k × 100 ms although it was meant for k × 50 ms.
        var flow = new FakeFlow { Delay = TimeSpan.FromMilliseconds(100) };
        var metrics = new MetricsRecorder();
        var scenario = TestScenarios.Open(rate: 20, duration: TimeSpan.FromSeconds(0.5));

        // Act
        var result = await LoadRunner.RunAsync(
            new LoadRunOptions(scenario, flow, metrics) { MaxInFlight = 1 }, TestContext.Current.CancellationToken);

        // Assert: the 10th arrival (k = 9) started at least 9 × 50 ms late; latency counts from the intended start.
        Assert.Equal(10, result.Metrics.Completed);
        Assert.True(result.Metrics.ScheduleLag.Max >= 400, $"schedule lag max {result.Metrics.ScheduleLag.Max} ms");
        var endToEnd = result.Metrics.Stage(StageNames.EndToEnd)!.Overall;
        Assert.True(endToEnd.Max >= result.Metrics.ScheduleLag.Max + 90, $"end-to-end max {endToEnd.Max} ms, lag max {result.Metrics.ScheduleLag.Max} ms");
    }

    [Fact]
    public async Task Warm_up_arrivals_run_but_are_not_measured()
    {
        // Arrange
        var flow = new FakeFlow();
        var metrics = new MetricsRecorder();
        var scenario = TestScenarios.Open(rate: 20, duration: TimeSpan.FromSeconds(1), warmup: TimeSpan.FromSeconds(1));

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(scenario, flow, metrics), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(40, flow.Runs);
        Assert.Equal(20, metrics.WarmupSamples);
        Assert.Equal(20, result.Metrics.Completed);
        Assert.Equal(20, result.FlowsStarted);
    }

    [Fact]
    public async Task Max_transactions_bounds_an_open_run_without_a_duration()
    {
        // Arrange
        var flow = new FakeFlow();
        var scenario = TestScenarios.Open(rate: 100, duration: null, maxTransactions: 25);

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(scenario, flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(RunEndReason.MaxTransactionsReached, result.EndReason);
        Assert.Equal(25, flow.Runs);
        Assert.Equal(25, result.Metrics.Completed);
    }

    [Fact]
    public async Task A_flow_over_the_transaction_timeout_counts_as_a_timeout()
    {
        // Arrange
        var flow = new FakeFlow { Delay = Timeout.InfiniteTimeSpan };
        var scenario = TestScenarios.Open(rate: 10, duration: TimeSpan.FromSeconds(0.5)) with { TransactionTimeout = TimeSpan.FromMilliseconds(200) };

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(scenario, flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(5, result.Metrics.Completed);
        Assert.Equal(5, result.Metrics.Failures[nameof(FailureKind.Timeout)]);
        Assert.Equal(0, result.Metrics.Succeeded);
        Assert.True(result.Drained);
    }

    [Fact]
    public async Task Cancelling_stops_arrivals_drains_in_flight_flows_and_returns_a_partial_result()
    {
        // Arrange: a 60 s run cancelled from inside its fifth flow.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var flow = new FakeFlow
        {
            Delay = TimeSpan.FromMilliseconds(50),
            AfterRun = runs =>
            {
                if (runs == 5)
                {
                    cancel.Cancel();
                }
            },
        };
        var scenario = TestScenarios.Open(rate: 20, duration: TimeSpan.FromSeconds(60));

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(scenario, flow, new MetricsRecorder()), cancel.Token);

        // Assert: every started flow finished and was recorded; far fewer than the 1,200 planned ran.
        Assert.Equal(RunEndReason.Cancelled, result.EndReason);
        Assert.True(result.Drained);
        Assert.InRange(result.Metrics.Completed, 5, 1199);
        Assert.Equal(flow.Runs, result.Metrics.Completed);
        Assert.Equal(result.FlowsStarted, result.Metrics.Completed);
    }
}
