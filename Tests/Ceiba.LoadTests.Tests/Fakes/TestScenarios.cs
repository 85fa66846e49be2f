using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Tests.Fakes;

/// <summary>Scenario definitions for engine tests.</summary>
internal static class TestScenarios
{
    public static ScenarioDefinition Open(double rate, TimeSpan? duration, TimeSpan? warmup = null, long? maxTransactions = null) =>
        new()
        {
            Name = "test-open",
            Duration = duration,
            MaxTransactions = maxTransactions,
            Warmup = warmup ?? TimeSpan.Zero,
            TransactionTimeout = TimeSpan.FromSeconds(30),
            Load = new LoadProfile { Model = LoadModel.Open, Phases = [new ArrivalPhase { Rate = rate, Duration = TimeSpan.FromSeconds(1) }] },
            Mix = [new FlowWeight("fake-tx", 1)],
        };

    public static ScenarioDefinition Closed(int users, TimeSpan? duration, long? maxTransactions = null, TimeSpan? warmup = null) =>
        new()
        {
            Name = "test-closed",
            Duration = duration,
            MaxTransactions = maxTransactions,
            Warmup = warmup ?? TimeSpan.Zero,
            Load = new LoadProfile { Model = LoadModel.Closed, Users = users, ThinkTime = TimeSpan.FromMilliseconds(5) },
            Mix = [new FlowWeight("fake-tx", 1)],
        };
}
