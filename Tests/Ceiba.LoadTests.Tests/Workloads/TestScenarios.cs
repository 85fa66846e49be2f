using Ceiba.LoadTests.Workloads;
using Ceiba.LoadTests.Scenarios;
using Ceiba.LoadTests.Workloads.Flows;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>Scenarios built in code for workload tests: every flow in the mix, one short open phase.</summary>
internal static class TestScenarios
{
    public static ScenarioDefinition AllFlows(ScenarioTarget target = ScenarioTarget.Gateway, int? commitThresholdPeers = null) => new()
    {
        Name = "workload-test",
        Target = target,
        Seed = 4242,
        Duration = TimeSpan.FromSeconds(5),
        TransactionTimeout = TimeSpan.FromSeconds(60),
        CommitThresholdPeers = commitThresholdPeers,
        Load = new LoadProfile { Model = LoadModel.Open, Phases = [new ArrivalPhase { Rate = 1, Duration = TimeSpan.FromSeconds(5) }] },
        Mix = [.. FlowNames.All.Select(name => new FlowWeight(name, 1))],
    };
}
