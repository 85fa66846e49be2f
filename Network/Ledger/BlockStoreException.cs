namespace Ceiba.Network.Ledger;

/// <summary>A block cannot be appended: it does not extend the chain.</summary>
public sealed class BlockStoreException(string message) : Exception(message);
