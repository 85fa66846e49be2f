using Ceiba.LoadTests.Engine;

namespace Ceiba.LoadTests.Workloads.Flows;

/// <summary>
/// Where one transaction of a flow reports, and from when its latency counts: the flow's intended start for its first
/// transaction (so schedule lag counts against latency), and the transaction's own start for later ones.
/// </summary>
/// <param name="Metrics">The engine's sink.</param>
/// <param name="Intended">The intended start, or null to count from the transaction's own start.</param>
internal readonly record struct StepTiming(IMetricsSink Metrics, long? Intended)
{
    /// <summary>The intended timestamp given the transaction's actual <paramref name="start"/>.</summary>
    public long IntendedOr(long start) => Intended ?? start;
}

/// <summary>Hands out the <see cref="StepTiming"/> of each transaction of one flow run, in order.</summary>
internal sealed class FlowSteps(FlowContext context)
{
    private bool _first = true;

    public StepTiming Next()
    {
        var intended = _first ? context.IntendedTimestamp : (long?)null;
        _first = false;
        return new StepTiming(context.Metrics, intended);
    }
}
