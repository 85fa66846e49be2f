using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>Reads the chaincode events of valid transactions from committed blocks, block by block, from a start position and after a given transaction.</summary>
internal static class ChaincodeEventReader
{
    public static async IAsyncEnumerable<ChaincodeEventsResponse> ReadAsync(
        PeerChannel channel, ChaincodeEventsRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ledger = channel.Ledger;
        var start = request.StartPosition?.TypeCase switch
        {
            SeekPosition.TypeOneofCase.Specified => request.StartPosition.Specified.Number,
            SeekPosition.TypeOneofCase.Oldest => 0UL,
            _ => ledger.Height,
        };
        var skipping = request.AfterTransactionId.Length > 0;
        for (var number = start; ; number++)
        {
            await ledger.WaitForBlockAsync(number, cancellationToken).ConfigureAwait(false);
            var block = ledger.Blocks.GetBlock(number);
            var filter = TransactionsFilter.Read(block);
            var response = new ChaincodeEventsResponse { BlockNumber = number };
            for (var i = 0; i < block.Data.Data.Count; i++)
            {
                var (transaction, _, _) = ParsedTransaction.Parse(block.Data.Data[i]);
                if (transaction is null)
                {
                    continue;
                }

                if (skipping)
                {
                    skipping = number == start && transaction.TxId != request.AfterTransactionId;
                    if (number == start && transaction.TxId == request.AfterTransactionId)
                    {
                        continue;
                    }
                }

                if (skipping || filter[i] != (byte)TxValidationCode.Valid || transaction.Action.Events.IsEmpty)
                {
                    continue;
                }

                var chaincodeEvent = ChaincodeEvent.Parser.ParseFrom(transaction.Action.Events.Span);
                if (chaincodeEvent.ChaincodeId == request.ChaincodeId)
                {
                    response.Events.Add(chaincodeEvent);
                }
            }

            skipping = false;
            if (response.Events.Count > 0)
            {
                yield return response;
            }
        }
    }
}
