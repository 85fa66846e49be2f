using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Delivery.Internal;

/// <summary>A committed block as DeliverFiltered sends it: tx ids, types and validation codes, and chaincode events without payloads.</summary>
internal static class FilteredBlocks
{
    public static FilteredBlock From(string channelId, Block block)
    {
        var filter = TransactionsFilter.Read(block);
        var filtered = new FilteredBlock { ChannelId = channelId, Number = block.Header.Number };
        for (var i = 0; i < block.Data.Data.Count; i++)
        {
            var (transaction, _, _) = ParsedTransaction.Parse(block.Data.Data[i]);
            var entry = new FilteredTransaction
            {
                Txid = transaction?.TxId ?? string.Empty,
                Type = transaction is null ? HeaderType.Message : HeaderType.EndorserTransaction,
                TxValidationCode = (TxValidationCode)filter[i],
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
