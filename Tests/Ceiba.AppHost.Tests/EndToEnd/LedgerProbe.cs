using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Grpc.Net.Client;

namespace Ceiba.AppHost.Tests.EndToEnd;

using Ceiba.Gateway.Client;

/// <summary>Reads one peer's ledger over Deliver: the block holding a transaction, its header hash and the transaction's validation code.</summary>
public static class LedgerProbe
{
    /// <summary>Where a transaction landed on one peer.</summary>
    public sealed record Landing(ulong BlockNumber, string HeaderHash, TxValidationCode Code, string TransactionId);

    /// <summary>
    /// Streams <paramref name="peer"/>'s blocks from <paramref name="startBlock"/> until a transaction matches
    /// <paramref name="matches"/> (given its tx id and envelope bytes); waits for blocks not yet committed.
    /// </summary>
    public static async Task<Landing> FindAsync(GrpcChannel peer, SigningIdentity reader, string channel, ulong startBlock, Func<string, ByteString, bool> matches, CancellationToken cancellationToken)
    {
        var gateway = Gateway.Connect(reader, peer);
        await foreach (var block in gateway.GetNetwork(channel).GetBlockEventsAsync(new BlockEventsOptions { StartBlock = startBlock }, cancellationToken))
        {
            var filter = block.Metadata.Metadata[(int)BlockMetadataIndex.TransactionsFilter];
            for (var i = 0; i < block.Data.Data.Count; i++)
            {
                var envelope = Envelope.Parser.ParseFrom(block.Data.Data[i]);
                var header = ChannelHeader.Parser.ParseFrom(Payload.Parser.ParseFrom(envelope.Payload).Header.ChannelHeader);
                if (matches(header.TxId, block.Data.Data[i]))
                {
                    return new Landing(block.Header.Number, Convert.ToHexStringLower(BlockHashing.HeaderHash(block.Header)), (TxValidationCode)filter[i], header.TxId);
                }
            }
        }
        throw new InvalidOperationException($"The block stream of {channel} ended without the transaction.");
    }

    /// <summary>True when the envelope's bytes contain <paramref name="text"/> (e.g. the JSON of a created record).</summary>
    public static bool Contains(ByteString envelope, string text) =>
        envelope.Span.IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
