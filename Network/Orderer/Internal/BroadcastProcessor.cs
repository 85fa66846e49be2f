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
    /// <returns>
    /// Completes once the envelope is admitted (queued on the leader, or written to the leader's stream), with the task
    /// of its answer. The caller reads the next envelope only then, so a full pipeline holds its clients back.
    /// </returns>
    /// <remarks>
    /// Admission and answer are separate on purpose: an async method keeps its parameters alive until it completes, and
    /// an answer takes a commit round (seconds under load). The parsed <paramref name="envelope"/> is dropped as soon as
    /// the leader has its serialized copy, or as soon as it is written to the leader's stream, so each envelope in
    /// flight is held once, not twice.
    /// </remarks>
    public ValueTask<Task<BroadcastResponse>> ProcessAsync(Envelope envelope, bool forwarded, bool fromClusterMember, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var verdict = validator.Validate(envelope, forwarded && fromClusterMember);
        metrics.Validated(verdict.ChannelId, Stopwatch.GetElapsedTime(started));
        if (!verdict.IsAccepted)
        {
            Log.EnvelopeRejected(logger, verdict.ChannelId, verdict.TxId, (int)verdict.Status, verdict.Info);
            return Answered(Answer(verdict, verdict.Status, verdict.Info));
        }

        if (consensus.IsLeader && verdict.Channel!.Orderer is { } orderer)
        {
            var pending = new PendingEnvelope(envelope.ToByteString(), verdict.Size);
            var admitted = orderer.AdmitAsync(pending, cancellationToken);
            return admitted.IsCompletedSuccessfully
                ? new ValueTask<Task<BroadcastResponse>>(OrderAsync(pending.Completion, verdict))
                : AdmittedAsync(admitted, pending, verdict);
        }

        if (!forwarded && consensus.RemoteLeader is { } leader)
        {
            return RelayedAsync(forwarder.ForwardAsync(leader, envelope, cancellationToken), verdict);
        }

        var reason = forwarded ? "forwarded to a node that is no longer the Raft leader" : "no Raft leader";
        Log.EnvelopeRejected(logger, verdict.ChannelId, verdict.TxId, (int)Status.ServiceUnavailable, reason);
        return Answered(Answer(verdict, Status.ServiceUnavailable, $"{reason}; retry"));
    }

    private static ValueTask<Task<BroadcastResponse>> Answered(BroadcastResponse response) => new(Task.FromResult(response));

    private async ValueTask<Task<BroadcastResponse>> AdmittedAsync(ValueTask admitted, PendingEnvelope pending, BroadcastVerdict verdict)
    {
        await admitted.ConfigureAwait(false);
        return OrderAsync(pending.Completion, verdict);
    }

    private async Task<BroadcastResponse> OrderAsync(Task<Status> ordered, BroadcastVerdict verdict)
    {
        var status = await ordered.ConfigureAwait(false);
        return Answer(verdict, status, status == Status.Success ? string.Empty : "the block holding the envelope was not committed; retry");
    }

    private async ValueTask<Task<BroadcastResponse>> RelayedAsync(ValueTask<Task<BroadcastResponse>> written, BroadcastVerdict verdict)
    {
        return RelayAsync(await written.ConfigureAwait(false), verdict);
    }

    private async Task<BroadcastResponse> RelayAsync(Task<BroadcastResponse> forwarded, BroadcastVerdict verdict)
    {
        var relayed = await forwarded.ConfigureAwait(false);
        return Answer(verdict, relayed.Status, relayed.Info);
    }

    private BroadcastResponse Answer(BroadcastVerdict verdict, Status status, string info)
    {
        metrics.Processed(verdict.ChannelId, "transaction", (int)status);
        return new BroadcastResponse { Status = status, Info = info };
    }
}
