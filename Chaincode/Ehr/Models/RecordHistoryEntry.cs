using System.Text.Json;

namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>One committed change of a record, from the ledger's history index.</summary>
/// <param name="TxId">The transaction that wrote the change.</param>
/// <param name="Timestamp">That transaction's timestamp, ISO 8601 UTC.</param>
/// <param name="IsDelete">Whether the change deleted the record (never, for append-only records).</param>
/// <param name="Record">The record as written (password hashes removed); null for a delete.</param>
public sealed record RecordHistoryEntry(string TxId, string Timestamp, bool IsDelete, JsonElement? Record);
