using Ceiba.LoadTests.Workloads;
using System.Text.Json;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Scenarios;
using Ceiba.LoadTests.Workloads.Flows;
using Ceiba.Testing;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>The shipped scenario files parse with the engine's JSON context and use only known flows.</summary>
public sealed class ScenarioFileTests
{
    public static TheoryData<string> Names { get; } = new("smoke", "doctor-day", "national-peak", "ramp-to-saturation", "national-ramp");

    [Theory]
    [MemberData(nameof(Names))]
    public void The_scenario_file_parses_and_names_known_flows(string name)
    {
        // Arrange
        var path = Path.Combine(NodeInterop.RepositoryRoot, "LoadTests", "scenarios", $"{name}.json");

        // Act
        var scenario = JsonSerializer.Deserialize(File.ReadAllText(path), ScenarioJsonContext.Default.ScenarioDefinition)!;

        // Assert
        Assert.Equal(name, scenario.Name);
        Assert.NotEmpty(scenario.Mix);
        Assert.All(scenario.Mix, m => Assert.Contains(m.Flow, FlowNames.All));
        Assert.All(scenario.Mix, m => Assert.True(m.Weight > 0));
        Assert.True(scenario.Duration is not null || scenario.MaxTransactions is not null);
        Assert.Equal(scenario.Load.Model == LoadModel.Saturation, scenario.Load.Saturation is not null);
        Assert.Equal(scenario.Load.Model == LoadModel.Open, scenario.Load.Phases is { Count: > 0 });
    }

    [Fact]
    public void Smoke_is_a_30_second_gate_on_the_seed_topology_with_generous_thresholds()
    {
        // Arrange
        var path = Path.Combine(NodeInterop.RepositoryRoot, "LoadTests", "scenarios", "smoke.json");

        // Act
        var smoke = JsonSerializer.Deserialize(File.ReadAllText(path), ScenarioJsonContext.Default.ScenarioDefinition)!;

        // Assert
        Assert.Equal("seed", smoke.Topology);
        Assert.Equal(TimeSpan.FromSeconds(30), smoke.Duration);
        Assert.Equal(5, smoke.Thresholds!.MinThroughput);
        Assert.Equal(0.05, smoke.Thresholds.MaxErrorRate);
        Assert.Equal(TimeSpan.FromSeconds(10), smoke.Thresholds.Stages![StageNames.EndToEnd].P99);
    }

    [Fact]
    public void Ramp_to_saturation_steps_up_by_100_per_second_from_200_with_the_2_second_p99_limit()
    {
        // Arrange
        var path = Path.Combine(NodeInterop.RepositoryRoot, "LoadTests", "scenarios", "ramp-to-saturation.json");

        // Act
        var plan = JsonSerializer.Deserialize(File.ReadAllText(path), ScenarioJsonContext.Default.ScenarioDefinition)!.Load.Saturation!;

        // Assert
        Assert.Equal(200, plan.StartRate);
        Assert.Equal(100, plan.StepRate);
        Assert.Equal(TimeSpan.FromSeconds(20), plan.StepDuration);
        Assert.Equal(TimeSpan.FromSeconds(2), plan.MaxP99);
        Assert.Equal(0.01, plan.MaxErrorRate);
    }
}
