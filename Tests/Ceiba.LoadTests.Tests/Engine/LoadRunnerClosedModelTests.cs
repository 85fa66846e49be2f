using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Tests.Fakes;

namespace Ceiba.LoadTests.Tests.Engine;

public sealed class LoadRunnerClosedModelTests
{
    [Fact]
    public async Task Closed_model_runs_exactly_the_configured_number_of_users_at_once()
    {
        // Arrange: flows of 200 ms for 3 s, so the three users overlap even on a busy machine.
        var flow = new FakeFlow { Delay = TimeSpan.FromMilliseconds(200) };
        var scenario = TestScenarios.Closed(users: 3, duration: TimeSpan.FromSeconds(3));

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(scenario, flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(3, flow.MaxConcurrency);
        Assert.Equal([0, 1, 2], flow.VirtualUsers.Distinct().Order());
        Assert.True(result.Metrics.Completed >= 3);
        Assert.Equal(RunEndReason.DurationReached, result.EndReason);
    }

    [Fact]
    public async Task Closed_model_stops_at_max_transactions()
    {
        // Arrange
        var flow = new FakeFlow { Delay = TimeSpan.FromMilliseconds(5) };
        var scenario = TestScenarios.Closed(users: 2, duration: null, maxTransactions: 10);

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(scenario, flow, new MetricsRecorder()), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(RunEndReason.MaxTransactionsReached, result.EndReason);
        Assert.Equal(10, result.Metrics.Completed);
        Assert.Equal(10, flow.Runs);
    }

    [Fact]
    public async Task Closed_model_excludes_the_warm_up()
    {
        // Arrange
        var flow = new FakeFlow { Delay = TimeSpan.FromMilliseconds(20) };
        var metrics = new MetricsRecorder();
        var scenario = TestScenarios.Closed(users: 2, duration: TimeSpan.FromSeconds(1), warmup: TimeSpan.FromSeconds(1));

        // Act
        var result = await LoadRunner.RunAsync(new LoadRunOptions(scenario, flow, metrics), TestContext.Current.CancellationToken);

        // Assert: every run is either a warm-up sample or a measured one, and both happened.
        Assert.True(metrics.WarmupSamples > 0);
        Assert.True(result.Metrics.Completed > 0);
        Assert.Equal(flow.Runs, metrics.WarmupSamples + result.Metrics.Completed);
    }
}
