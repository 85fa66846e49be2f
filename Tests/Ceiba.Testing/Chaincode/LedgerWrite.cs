namespace Ceiba.Testing.Chaincode;

/// <summary>A write a transaction asked for (PUT_STATE, DEL_STATE or PURGE_PRIVATE_DATA), as the driver recorded it.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value; empty for deletes.</param>
/// <param name="IsDelete">True for DEL_STATE and PURGE_PRIVATE_DATA.</param>
/// <param name="Collection">The private data collection, or empty for world state.</param>
public sealed record LedgerWrite(string Key, byte[] Value, bool IsDelete = false, string Collection = "");
