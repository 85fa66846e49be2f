namespace Ceiba.Chaincode.Shim;

/// <summary>One committed change of a key (Fabric's <c>queryresult.KeyModification</c>).</summary>
/// <param name="TxId">The transaction that made the change.</param>
/// <param name="Value">The value written, or empty for a delete.</param>
/// <param name="Timestamp">The timestamp of that transaction's proposal.</param>
/// <param name="IsDelete">True when the change deleted the key.</param>
public sealed record KeyModification(string TxId, byte[] Value, DateTimeOffset Timestamp, bool IsDelete);
