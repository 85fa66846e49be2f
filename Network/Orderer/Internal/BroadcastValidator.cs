using Ceiba.Network.Msp;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>
/// Validates a broadcast envelope as Fabric's standard channel filters do: well formed (400), known
/// channel (404), an accepted header type (400), size within AbsoluteMaxBytes (413), a valid,
/// unexpired creator of a channel MSP whose signature verifies and satisfies /Channel/Writers (403).
/// </summary>
internal sealed class BroadcastValidator(IReadOnlyDictionary<string, OrdererChannel> channels)
{
    /// <param name="envelope">The envelope.</param>
    /// <param name="validatedByClusterMember">True when another orderer of the cluster validated it and forwarded it: the creator, signature and policy checks are skipped.</param>
    public BroadcastVerdict Validate(Envelope envelope, bool validatedByClusterMember = false)
    {
        if (!EnvelopeReader.TryRead(envelope, out _, out var channelHeader, out var signatureHeader, out var error))
        {
            return Reject(Status.BadRequest, error);
        }

        var txId = channelHeader.TxId;
        if (!channels.TryGetValue(channelHeader.ChannelId, out var channel))
        {
            return Reject(Status.NotFound, $"channel '{channelHeader.ChannelId}' does not exist", channelHeader.ChannelId, txId);
        }

        var type = (HeaderType)channelHeader.Type;
        if (type is not (HeaderType.EndorserTransaction or HeaderType.Message))
        {
            return Reject(Status.BadRequest, $"header type {type} is not accepted by broadcast (config updates are not supported)", channel.Name, txId);
        }

        long size = envelope.Payload.Length + envelope.Signature.Length;
        if (size > channel.Limits.AbsoluteMaxBytes)
        {
            return Reject(Status.RequestEntityTooLarge, $"the message is {size} bytes, larger than AbsoluteMaxBytes {channel.Limits.AbsoluteMaxBytes}", channel.Name, txId);
        }

        if (validatedByClusterMember)
        {
            return new BroadcastVerdict(Status.Success, string.Empty, channel, channel.Name, txId, size);
        }

        var validation = channel.Policies.Msps.Validate(signatureHeader.Creator.Span);
        if (validation is not { IsValid: true, Identity: { } creator })
        {
            return Reject(Status.Forbidden, $"the creator is not a valid channel member: {validation.Reason}", channel.Name, txId);
        }

        if (envelope.Signature.IsEmpty)
        {
            return Reject(Status.Forbidden, "the envelope is not signed", channel.Name, txId);
        }

        if (creator.VerifyMessage(envelope.Payload.Span, envelope.Signature.Span) is var status && status != SignatureStatus.Valid)
        {
            return Reject(Status.Forbidden, $"the signature of {creator} does not verify ({status})", channel.Name, txId);
        }

        var policy = channel.Policies.Evaluate(PolicyPaths.ChannelWriters, [creator]);
        return policy.IsSatisfied
            ? new BroadcastVerdict(Status.Success, string.Empty, channel, channel.Name, txId, size)
            : Reject(Status.Forbidden, policy.Reason, channel.Name, txId);
    }

    private static BroadcastVerdict Reject(Status status, string info, string channelId = "", string txId = "") =>
        new(status, info, null, channelId, txId, 0);
}
