using System.Security.Cryptography;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ceiba.Network.Orderer.Tests.Support;

/// <summary>Builds signed transaction and seek envelopes as a Fabric client does.</summary>
public static class Envelopes
{
    /// <summary>An ENDORSER_TRANSACTION envelope with <paramref name="dataBytes"/> random bytes of data; the orderer does not look inside.</summary>
    public static (Envelope Envelope, string TxId) Transaction(SigningIdentity signer, string channel, int dataBytes = 64, HeaderType type = HeaderType.EndorserTransaction, bool sign = true)
    {
        var nonce = RandomNumberGenerator.GetBytes(24);
        var txId = signer.ComputeTransactionId(nonce);
        var payload = new Payload
        {
            Header = Header(signer, channel, type, txId, nonce, DateTimeOffset.UtcNow),
            Data = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(dataBytes)),
        }.ToByteString();
        return (new Envelope { Payload = payload, Signature = sign ? ByteString.CopyFrom(signer.SignMessage(payload.Span)) : ByteString.Empty }, txId);
    }

    /// <summary>A signed DELIVER_SEEK_INFO envelope from <paramref name="start"/> to <paramref name="stop"/>.</summary>
    public static Envelope Seek(SigningIdentity signer, string channel, SeekPosition start, SeekPosition stop, SeekInfo.Types.SeekBehavior behavior = SeekInfo.Types.SeekBehavior.BlockUntilReady, DateTimeOffset? timestamp = null)
    {
        var nonce = RandomNumberGenerator.GetBytes(24);
        var payload = new Payload
        {
            Header = Header(signer, channel, HeaderType.DeliverSeekInfo, string.Empty, nonce, timestamp ?? DateTimeOffset.UtcNow),
            Data = new SeekInfo { Start = start, Stop = stop, Behavior = behavior }.ToByteString(),
        }.ToByteString();
        return new Envelope { Payload = payload, Signature = ByteString.CopyFrom(signer.SignMessage(payload.Span)) };
    }

    public static SeekPosition Oldest => new() { Oldest = new SeekOldest() };

    public static SeekPosition Newest => new() { Newest = new SeekNewest() };

    public static SeekPosition NextCommit => new() { NextCommit = new SeekNextCommit() };

    public static SeekPosition At(ulong number) => new() { Specified = new SeekSpecified { Number = number } };

    /// <summary>The transaction IDs of a block's envelopes.</summary>
    public static IEnumerable<string> TxIds(Block block) => block.Data.Data.Select(d =>
        ChannelHeader.Parser.ParseFrom(Payload.Parser.ParseFrom(Envelope.Parser.ParseFrom(d).Payload).Header.ChannelHeader).TxId);

    private static Header Header(SigningIdentity signer, string channel, HeaderType type, string txId, byte[] nonce, DateTimeOffset timestamp) => new()
    {
        ChannelHeader = new ChannelHeader
        {
            Type = (int)type,
            ChannelId = channel,
            TxId = txId,
            Timestamp = Timestamp.FromDateTimeOffset(timestamp),
        }.ToByteString(),
        SignatureHeader = new SignatureHeader { Creator = ByteString.CopyFrom(signer.Serialized.Span), Nonce = ByteString.CopyFrom(nonce) }.ToByteString(),
    };
}
