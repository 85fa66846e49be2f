namespace Ceiba.Gateway.Client;

/// <summary>
/// Per-stage deadlines of gateway calls. The defaults are those of the Fabric samples: evaluate 5 s,
/// endorse 15 s, submit 5 s, commit status 60 s. <see cref="Timeout.InfiniteTimeSpan"/> means no deadline.
/// </summary>
public sealed record GatewayOptions
{
    /// <summary>The deadline of an Evaluate call.</summary>
    public TimeSpan EvaluateTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The deadline of an Endorse call.</summary>
    public TimeSpan EndorseTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The deadline of a Submit call.</summary>
    public TimeSpan SubmitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The deadline of a CommitStatus call, which blocks until the transaction commits.</summary>
    public TimeSpan CommitStatusTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The deadline of a chaincode event stream; none by default, since the stream is long-lived.</summary>
    public TimeSpan ChaincodeEventsTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>The deadline of a block event stream; none by default, since the stream is long-lived.</summary>
    public TimeSpan BlockEventsTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>The defaults.</summary>
    public static GatewayOptions Default { get; } = new();
}
