using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Ledger;

/// <summary>Where a transaction ID was committed and how it was judged.</summary>
/// <param name="BlockNumber">The block holding the transaction.</param>
/// <param name="TxNumber">The transaction's index in the block.</param>
/// <param name="ValidationCode">The validation code written to the block's TRANSACTIONS_FILTER.</param>
public sealed record TransactionRecord(ulong BlockNumber, ulong TxNumber, TxValidationCode ValidationCode);
