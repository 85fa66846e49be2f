using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>
/// Builds the signed seek request of a block stream: an Envelope whose payload has a DELIVER_SEEK_INFO channel header,
/// the client's signature header, and a SeekInfo from the start block (or the next commit) with no end.
/// </summary>
internal static class SeekEnvelopeBuilder
{
    public static Envelope Build(ClientContext context, string channel, ulong? startBlock)
    {
        var nonce = TransactionIds.NewNonce();
        var creator = context.Identity.Serialized;
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.DeliverSeekInfo,
            Timestamp = Timestamp.FromDateTime(DateTime.UtcNow),
            ChannelId = channel,
            TxId = TransactionIds.Compute(nonce, creator.Span),
            Epoch = 0,
        };
        var signatureHeader = new SignatureHeader { Creator = creator, Nonce = UnsafeByteOperations.UnsafeWrap(nonce) };
        var seekInfo = new SeekInfo
        {
            Start = startBlock is { } number
                ? new SeekPosition { Specified = new SeekSpecified { Number = number } }
                : new SeekPosition { NextCommit = new SeekNextCommit() },
            Stop = new SeekPosition { Specified = new SeekSpecified { Number = ulong.MaxValue } },
            Behavior = SeekInfo.Types.SeekBehavior.BlockUntilReady,
        };
        var payload = new Payload
        {
            Header = new Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() },
            Data = seekInfo.ToByteString(),
        }.ToByteString();
        return new Envelope { Payload = payload, Signature = Digests.Sign(context, payload, "BlockEventsRequest") };
    }
}
