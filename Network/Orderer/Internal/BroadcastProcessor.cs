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
    public async Task<BroadcastResponse> ProcessAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var verdict = validator.Validate(envelope);
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

        if (consensus.RemoteLeader is { } leader)
        {
            var forwarded = await forwarder.ForwardAsync(leader, envelope, cancellationToken).ConfigureAwait(false);
            return Answer(verdict, forwarded.Status, forwarded.Info);
        }

        Log.EnvelopeRejected(logger, verdict.ChannelId, verdict.TxId, (int)Status.ServiceUnavailable, "no Raft leader");
        return Answer(verdict, Status.ServiceUnavailable, "no Raft leader; retry");
    }

    private BroadcastResponse Answer(BroadcastVerdict verdict, Status status, string info)
    {
        metrics.Processed(verdict.ChannelId, "transaction", (int)status);
        return new BroadcastResponse { Status = status, Info = info };
    }
}
