namespace Ceiba.Network.Peer.Ledger;

/// <summary>One key of a namespace with its committed value, as a range query returns it.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The committed value and its version.</param>
public sealed record StateEntry(string Key, VersionedValue Value);
