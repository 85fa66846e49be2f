using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>The orderer's log messages, with stable event IDs.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Broadcast rejected envelope {TxId} on channel '{Channel}' with {Status}: {Reason}")]
    public static partial void EnvelopeRejected(ILogger logger, string channel, string txId, int status, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Deliver refused a seek request on channel '{Channel}' with {Status}: {Reason}")]
    public static partial void DeliverRefused(ILogger logger, string channel, int status, string reason);

    [LoggerMessage(3, LogLevel.Debug, "Cut block {Number} on channel '{Channel}' with {Count} envelopes")]
    public static partial void BlockCut(ILogger logger, string channel, ulong number, int count);

    [LoggerMessage(4, LogLevel.Warning, "Block {Number} on channel '{Channel}' was not committed: {Reason}; {Count} envelopes answered SERVICE_UNAVAILABLE")]
    public static partial void BlockNotCommitted(ILogger logger, string channel, ulong number, int count, string reason);

    [LoggerMessage(5, LogLevel.Information, "Raft leader changed on {Node}: {Leader}")]
    public static partial void LeaderChanged(ILogger logger, string node, string leader);

    [LoggerMessage(6, LogLevel.Warning, "Skipped a committed block {Number} on channel '{Channel}': it does not extend the chain at height {Height}")]
    public static partial void StaleBlockSkipped(ILogger logger, string channel, ulong number, ulong height);

    [LoggerMessage(7, LogLevel.Warning, "Forwarding to the leader {Leader} failed: {Reason}")]
    public static partial void ForwardFailed(ILogger logger, string leader, string reason);

    [LoggerMessage(8, LogLevel.Information, "Orderer {Node} serving {Channels} on {Address} (TLS {Tls}), operations on {Operations}, consensus {Consensus}")]
    public static partial void Serving(ILogger logger, string node, string channels, string address, bool tls, string operations, string consensus);

    [LoggerMessage(10, LogLevel.Warning, "Raft replication of blocks from {Number} on channel '{Channel}' failed: {Reason}")]
    public static partial void ReplicationFailed(ILogger logger, string channel, ulong number, string reason);

    [LoggerMessage(9, LogLevel.Error, "Applying a committed Raft entry failed")]
    public static partial void ApplyFailed(ILogger logger, Exception error);

    [LoggerMessage(11, LogLevel.Warning, "Pulling blocks of channel '{Channel}' from {Member} stopped at height {Height}: {Reason}")]
    public static partial void PullFailed(ILogger logger, string channel, string member, ulong height, string reason);

    [LoggerMessage(12, LogLevel.Information, "Pulled blocks {From} to {To} (exclusive) of channel '{Channel}' from {Member}")]
    public static partial void BlocksPulled(ILogger logger, string channel, string member, ulong from, ulong to);

    [LoggerMessage(13, LogLevel.Information, "The Raft snapshot puts channel '{Channel}' at height {Target}; this node has {Height} blocks and pulls the rest")]
    public static partial void SnapshotBehind(ILogger logger, string channel, ulong height, ulong target);
}
