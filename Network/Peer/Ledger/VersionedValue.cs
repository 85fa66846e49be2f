namespace Ceiba.Network.Peer.Ledger;

/// <summary>A committed value of a key together with the version that wrote it.</summary>
/// <param name="Value">The value bytes.</param>
/// <param name="Version">The (block, tx) that last wrote the key.</param>
public sealed record VersionedValue(byte[] Value, KeyVersion Version);
