using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ceiba.Network.Peer.Delivery.Internal;

/// <summary>Signed DELIVER_SEEK_INFO envelopes, as a peer sends them to the orderers.</summary>
internal static class SeekEnvelopes
{
    /// <summary>Every block from <paramref name="start"/> on, waiting for new ones.</summary>
    public static Envelope From(SigningIdentity signer, string channelId, ulong start)
    {
        var seek = new SeekInfo
        {
            Start = new SeekPosition { Specified = new SeekSpecified { Number = start } },
            Stop = new SeekPosition { Specified = new SeekSpecified { Number = ulong.MaxValue } },
            Behavior = SeekInfo.Types.SeekBehavior.BlockUntilReady,
        };
        var payload = new Payload
        {
            Header = new Header
            {
                ChannelHeader = new ChannelHeader
                {
                    Type = (int)HeaderType.DeliverSeekInfo,
                    ChannelId = channelId,
                    Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                }.ToByteString(),
                SignatureHeader = new SignatureHeader
                {
                    Creator = ByteString.CopyFrom(signer.Serialized.Span),
                    Nonce = ByteString.CopyFrom(TransactionIds.NewNonce()),
                }.ToByteString(),
            },
            Data = seek.ToByteString(),
        }.ToByteString();
        return new Envelope { Payload = payload, Signature = ByteString.CopyFrom(signer.SignMessage(payload.Span)) };
    }
}
