using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Scenarios;
using Ceiba.LoadTests.Workloads.Data;

namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>
/// Picks each arrival's flow by the scenario's relative weights. The pick depends only on the seed and the sequence
/// number (no shared state), so it is thread-safe and two runs with the same seed offer the same flows in the same order.
/// </summary>
internal sealed class WeightedFlowSource : IFlowSource
{
    private const int MixStream = 4;
    private readonly IFlow[] _flows;
    private readonly double[] _cumulative;
    private readonly int _seed;

    public WeightedFlowSource(IReadOnlyList<(IFlow Flow, double Weight)> flows, int seed)
    {
        ArgumentNullException.ThrowIfNull(flows);
        if (flows.Count == 0 || flows.Any(f => !(f.Weight >= 0) || double.IsInfinity(f.Weight)) || flows.Sum(f => f.Weight) <= 0)
        {
            throw new ArgumentException("The mix needs at least one flow, weights must be finite and >= 0, and at least one weight > 0.", nameof(flows));
        }

        _flows = [.. flows.Select(f => f.Flow)];
        _cumulative = SeededRandom.Cumulative(flows.Select(f => f.Weight));
        _seed = seed;
    }

    /// <summary>Builds the source for a scenario's mix from the flows the workload offers.</summary>
    /// <exception cref="ArgumentException">The mix names an unknown flow or has no positive weight; the message lists the known flows.</exception>
    public static WeightedFlowSource ForMix(IReadOnlyList<FlowWeight> mix, int seed, Func<string, IFlow?> flows)
    {
        ArgumentNullException.ThrowIfNull(mix);
        ArgumentNullException.ThrowIfNull(flows);
        if (mix.Count == 0)
        {
            throw new ArgumentException($"The scenario's mix is empty; name at least one of: {string.Join(", ", FlowNames.All)}.", nameof(mix));
        }

        var picked = mix.Select(m => (flows(m.Flow) ?? throw new ArgumentException(
            $"mix: unknown flow '{m.Flow}'; expected one of: {string.Join(", ", FlowNames.All)}.", nameof(mix)), m.Weight)).ToList();
        return new WeightedFlowSource(picked, seed);
    }

    public IFlow Next(long sequence) => _flows[SeededRandom.PickWeighted(_cumulative, SeededRandom.Unit(_seed, sequence, MixStream))];
}
