using System.Diagnostics;
using Ceiba.Network.Orderer.Consensus;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>
/// Handles one broadcast envelope: validate, then order it here when this node leads, forward it to
/// the leader when it follows, or answer SERVICE_UNAVAILABLE when there is no leader.
/// </summary>
internal sealed class BroadcastProcessor(
    BroadcastValidator validator,
    IBlockConsensus consensus,
    LeaderForwarder forwarder,
    OrdererMetrics metrics,
    ILogger logger)
{
    /// <summary>The gRPC request header that marks a Broadcast stream opened by a follower forwarding to the leader.</summary>
    public const string ForwardedHeader = "ceiba-forwarded";

    /// <param name="envelope">The envelope.</param>
    /// <param name="forwarded">True when another orderer forwarded it: it is not forwarded again, so stale leader views cannot loop.</param>
    /// <param name="fromClusterMember">True when the forwarding connection authenticated as a cluster member (mutual TLS): its validation is trusted.</param>
    /// <param name="cancellationToken">The call's token.</param>
    public async Task<BroadcastResponse> ProcessAsync(Envelope envelope, bool forwarded, bool fromClusterMember, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var verdict = validator.Validate(envelope, forwarded && fromClusterMember);
        metrics.Validated(verdict.ChannelId, Stopwatch.GetElapsedTime(started));
        if (!verdict.IsAccepted)
        {
            Log.EnvelopeRejected(logger, verdict.ChannelId, verdict.TxId, (int)verdict.Status, verdict.Info);
            return Answer(verdict, verdict.Status, verdict.Info);
        }

        if (consensus.IsLeader && verdict.Channel!.Orderer is { } orderer)
        {
            var status = await orderer.OrderAsync(new PendingEnvelope(envelope.ToByteString(), verdict.Size)).ConfigureAwait(false);
            return Answer(verdict, status, status == Status.Success ? string.Empty : "the block holding the envelope was not committed; retry");
        }

        if (!forwarded && consensus.RemoteLeader is { } leader)
        {
            var relayed = await forwarder.ForwardAsync(leader, envelope, cancellationToken).ConfigureAwait(false);
            return Answer(verdict, relayed.Status, relayed.Info);
        }

        var reason = forwarded ? "forwarded to a node that is no longer the Raft leader" : "no Raft leader";
        Log.EnvelopeRejected(logger, verdict.ChannelId, verdict.TxId, (int)Status.ServiceUnavailable, reason);
        return Answer(verdict, Status.ServiceUnavailable, $"{reason}; retry");
    }

    private BroadcastResponse Answer(BroadcastVerdict verdict, Status status, string info)
    {
        metrics.Processed(verdict.ChannelId, "transaction", (int)status);
        return new BroadcastResponse { Status = status, Info = info };
    }
}
