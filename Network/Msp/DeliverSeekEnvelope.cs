using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ceiba.Network.Msp;

/// <summary>Signed DELIVER_SEEK_INFO envelopes, as peers and orderers send them to an orderer's Deliver.</summary>
public static class DeliverSeekEnvelope
{
    /// <summary>An envelope asking for <paramref name="seek"/> on <paramref name="channelId"/>, signed by <paramref name="signer"/>.</summary>
    public static Envelope Sign(SigningIdentity signer, string channelId, SeekInfo seek)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(seek);
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
