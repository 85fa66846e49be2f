using Ceiba.LoadTests.Metrics;

namespace Ceiba.LoadTests.Engine.Internal;

/// <summary>What every driver shares during one run: the launcher, the recorder, the flow mix and the sequence numbers.</summary>
internal sealed class RunContext(FlowLauncher launcher, MetricsRecorder metrics, IFlowSource flows)
{
    private long sequence = -1;

    public FlowLauncher Launcher { get; } = launcher;

    public MetricsRecorder Metrics { get; } = metrics;

    /// <summary>The next flow of the mix and its sequence number.</summary>
    public (IFlow Flow, long Sequence) NextFlow()
    {
        var next = Interlocked.Increment(ref sequence);
        return (flows.Next(next), next);
    }
}

/// <summary>How a stretch of arrivals ended.</summary>
/// <param name="EndTimestamp">When arrivals stopped: the schedule's end, or the moment a bound or cancellation stopped them.</param>
/// <param name="Flows">Flows started in the stretch.</param>
internal sealed record ScheduleOutcome(RunEndReason Reason, long EndTimestamp, long Flows);
