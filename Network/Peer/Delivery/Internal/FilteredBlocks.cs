using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Delivery.Internal;

/// <summary>A committed block as DeliverFiltered sends it: tx ids, types and validation codes, and chaincode events without payloads.</summary>
internal static class FilteredBlocks
{
    /// <summary>Filters a committed block read back from the block store.</summary>
    public static FilteredBlock From(string channelId, Block block)
    {
        var parsed = new ParsedTransaction?[block.Data.Data.Count];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = ParsedTransaction.Parse(block.Data.Data[i]).Transaction;
        }

        return From(channelId, block.Header.Number, parsed, Array.ConvertAll(TransactionsFilter.Read(block), code => (TxValidationCode)code));
    }

    /// <summary>Filters a block from its transactions as parsed for validation and their validation codes.</summary>
    public static FilteredBlock From(string channelId, ulong number, IReadOnlyList<ParsedTransaction?> transactions, IReadOnlyList<TxValidationCode> codes)
    {
        var filtered = new FilteredBlock { ChannelId = channelId, Number = number };
        for (var i = 0; i < transactions.Count; i++)
        {
            var transaction = transactions[i];
            var entry = new FilteredTransaction
            {
                Txid = transaction?.TxId ?? string.Empty,
                Type = transaction is null ? HeaderType.Message : HeaderType.EndorserTransaction,
                TxValidationCode = codes[i],
            };
            if (transaction is not null && !transaction.Action.Events.IsEmpty)
            {
                var chaincodeEvent = ChaincodeEvent.Parser.ParseFrom(transaction.Action.Events.Span);
                chaincodeEvent.Payload = Google.Protobuf.ByteString.Empty;
                entry.TransactionActions = new FilteredTransactionActions();
                entry.TransactionActions.ChaincodeActions.Add(new FilteredChaincodeAction { ChaincodeEvent = chaincodeEvent });
            }

            filtered.FilteredTransactions.Add(entry);
        }

        return filtered;
    }
}
