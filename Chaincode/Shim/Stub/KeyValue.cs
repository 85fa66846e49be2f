namespace Ceiba.Chaincode.Shim;

/// <summary>One result of a range or composite-key query (Fabric's <c>queryresult.KV</c>).</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The committed value.</param>
public sealed record KeyValue(string Key, byte[] Value);
