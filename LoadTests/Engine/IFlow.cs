namespace Ceiba.LoadTests.Engine;

/// <summary>
/// One unit of work the engine starts per arrival (open model) or per loop of a virtual user (closed model):
/// a single transaction, or a session of several, such as a doctor logging in, listing patients and adding a note.
/// A flow reports each of its transactions to <see cref="FlowContext.Metrics"/> and never throws for a failed
/// transaction; it only throws when cancelled.
/// </summary>
public interface IFlow
{
    /// <summary>The flow's name in the scenario mix, e.g. <c>doctor-session</c>.</summary>
    string Name { get; }

    Task RunAsync(FlowContext context, CancellationToken cancellationToken);
}

/// <summary>What the engine tells a flow about the run it belongs to.</summary>
/// <param name="Sequence">The 0-based arrival (open model) or iteration (closed model) number; seeds the flow's data.</param>
/// <param name="VirtualUser">The closed model's virtual user number, or -1 in the open model.</param>
/// <param name="IntendedTimestamp">When the schedule meant this flow to start (Stopwatch timestamp). The first transaction's latency counts from here.</param>
/// <param name="Metrics">Where the flow reports its transactions.</param>
public sealed record FlowContext(long Sequence, int VirtualUser, long IntendedTimestamp, IMetricsSink Metrics);

/// <summary>Picks the flow for each arrival or iteration according to the scenario's weighted mix. Deterministic for a given seed.</summary>
public interface IFlowSource
{
    IFlow Next(long sequence);
}
