namespace Ceiba.Testing.Chaincode;

/// <summary>One committed change of a key in an <see cref="InMemoryLedger"/>.</summary>
/// <param name="TxId">The transaction that made the change.</param>
/// <param name="Value">The value written; empty for a delete.</param>
/// <param name="Timestamp">The transaction's proposal timestamp.</param>
/// <param name="IsDelete">True for a delete.</param>
public sealed record LedgerHistoryEntry(string TxId, byte[] Value, DateTimeOffset Timestamp, bool IsDelete);
