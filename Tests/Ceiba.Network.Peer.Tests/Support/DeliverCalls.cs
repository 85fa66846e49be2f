using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Transactions;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary>Signed seek envelopes and Deliver calls as a Fabric client makes them.</summary>
public static class DeliverCalls
{
    /// <summary>A seek from <paramref name="start"/> to <paramref name="stop"/>, signed by <paramref name="signer"/>.</summary>
    public static Envelope Seek(SigningIdentity signer, string channel, ulong start, ulong stop)
    {
        var payload = new Payload
        {
            Header = new Header
            {
                ChannelHeader = new ChannelHeader { Type = (int)HeaderType.DeliverSeekInfo, ChannelId = channel, Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }.ToByteString(),
                SignatureHeader = new SignatureHeader { Creator = ByteString.CopyFrom(signer.Serialized.Span), Nonce = ByteString.CopyFrom(TransactionIds.NewNonce()) }.ToByteString(),
            },
            Data = new SeekInfo
            {
                Start = new SeekPosition { Specified = new SeekSpecified { Number = start } },
                Stop = new SeekPosition { Specified = new SeekSpecified { Number = stop } },
            }.ToByteString(),
        }.ToByteString();
        return new Envelope { Payload = payload, Signature = ByteString.CopyFrom(signer.SignMessage(payload.Span)) };
    }

    /// <summary>Sends <paramref name="seek"/> to Deliver and returns the status that ends the stream.</summary>
    public static async Task<Status> StatusAsync(GrpcChannel channel, Envelope seek, CancellationToken cancellationToken)
    {
        using var call = new Protos.Peer.Deliver.DeliverClient(channel).Deliver(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(seek, cancellationToken);
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            if (call.ResponseStream.Current.TypeCase == Protos.Peer.DeliverResponse.TypeOneofCase.Status)
            {
                return call.ResponseStream.Current.Status;
            }
        }

        throw new InvalidOperationException("the deliver stream ended without a status");
    }
}
