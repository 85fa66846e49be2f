namespace Ceiba.Testing.Chaincode;

/// <summary>A PUT_STATE_METADATA a transaction asked for, for example a VALIDATION_PARAMETER.</summary>
/// <param name="Key">The key.</param>
/// <param name="Metakey">The metadata name.</param>
/// <param name="Value">The metadata value.</param>
/// <param name="Collection">The private data collection, or empty for world state.</param>
public sealed record MetadataWrite(string Key, string Metakey, byte[] Value, string Collection = "");
