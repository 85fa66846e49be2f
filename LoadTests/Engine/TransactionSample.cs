namespace Ceiba.LoadTests.Engine;

/// <summary>
/// One finished transaction, as a flow reports it to <see cref="IMetricsSink"/>. Timestamps are
/// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> values. End-to-end latency is measured from
/// <see cref="IntendedTimestamp"/>, not from <see cref="StartTimestamp"/>, so a late start (schedule lag)
/// counts against latency and coordinated omission cannot hide it.
/// </summary>
/// <param name="Type">The transaction type, e.g. <c>CreateNote</c> or <c>ListPersons</c>.</param>
/// <param name="Province">The province code of the client that sent it, e.g. <c>03</c>.</param>
/// <param name="IsWrite">A submit (true) or an evaluate / HTTP GET (false).</param>
/// <param name="IntendedTimestamp">When the schedule meant it to start.</param>
/// <param name="StartTimestamp">When it actually started.</param>
/// <param name="EndTimestamp">When its outcome was known (commit status for writes).</param>
/// <param name="Endorse">The endorse stage, when the target exposes it (Gateway client targets).</param>
/// <param name="Submit">The submit stage (ordering accepted), for writes through the Gateway client.</param>
/// <param name="Commit">The commit-status stage, for writes through the Gateway client.</param>
/// <param name="Failure">Why it failed, or <see cref="FailureKind.None"/>.</param>
/// <param name="TxId">The Fabric transaction id, when known.</param>
/// <param name="Error">A short error message for failures (no stack traces).</param>
public readonly record struct TransactionSample(
    string Type,
    string Province,
    bool IsWrite,
    long IntendedTimestamp,
    long StartTimestamp,
    long EndTimestamp,
    TimeSpan? Endorse,
    TimeSpan? Submit,
    TimeSpan? Commit,
    FailureKind Failure,
    string? TxId = null,
    string? Error = null);
