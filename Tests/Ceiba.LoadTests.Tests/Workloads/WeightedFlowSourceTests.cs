using Ceiba.LoadTests.Workloads;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Scenarios;
using Ceiba.LoadTests.Workloads.Flows;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>The flow mix: weights honoured, deterministic per seed and sequence, unknown names refused.</summary>
public sealed class WeightedFlowSourceTests
{
    [Fact]
    public void Picks_follow_the_relative_weights()
    {
        // Arrange
        var source = WeightedFlowSource.ForMix([new FlowWeight("a", 6), new FlowWeight("b", 3), new FlowWeight("c", 1)], 99, name => new NamedFlow(name));

        // Act
        var counts = Enumerable.Range(0, 50_000).Select(i => source.Next(i).Name).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());

        // Assert
        Assert.InRange(counts["a"] / 50_000.0, 0.58, 0.62);
        Assert.InRange(counts["b"] / 50_000.0, 0.28, 0.32);
        Assert.InRange(counts["c"] / 50_000.0, 0.08, 0.12);
    }

    [Fact]
    public void The_same_seed_gives_the_same_sequence_of_flows_and_another_seed_a_different_one()
    {
        // Arrange
        FlowWeight[] mix = [new("a", 1), new("b", 1)];
        var first = WeightedFlowSource.ForMix(mix, 5, name => new NamedFlow(name));
        var second = WeightedFlowSource.ForMix(mix, 5, name => new NamedFlow(name));
        var other = WeightedFlowSource.ForMix(mix, 6, name => new NamedFlow(name));

        // Act
        var a = Enumerable.Range(0, 200).Select(i => first.Next(i).Name).ToList();
        var b = Enumerable.Range(0, 200).Reverse().Select(i => second.Next(i).Name).Reverse().ToList();
        var c = Enumerable.Range(0, 200).Select(i => other.Next(i).Name).ToList();

        // Assert
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_zero_weight_flow_is_never_picked()
    {
        // Arrange
        var source = WeightedFlowSource.ForMix([new FlowWeight("never", 0), new FlowWeight("always", 2)], 1, name => new NamedFlow(name));

        // Act
        var names = Enumerable.Range(0, 5000).Select(i => source.Next(i).Name).Distinct().ToList();

        // Assert
        Assert.Equal(["always"], names);
    }

    [Fact]
    public void An_unknown_flow_name_is_refused_with_the_known_names()
    {
        // Arrange
        FlowWeight[] mix = [new("doctor-session", 1), new("teleport", 1)];

        // Act
        var error = Assert.Throws<ArgumentException>(() => WeightedFlowSource.ForMix(mix, 1, name => FlowNames.All.Contains(name) ? new NamedFlow(name) : null));

        // Assert
        Assert.Contains("'teleport'", error.Message, StringComparison.Ordinal);
        Assert.Contains("create-person", error.Message, StringComparison.Ordinal);
    }

    private sealed class NamedFlow(string name) : IFlow
    {
        public string Name => name;

        public Task RunAsync(FlowContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
