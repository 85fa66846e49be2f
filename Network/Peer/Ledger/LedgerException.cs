namespace Ceiba.Network.Peer.Ledger;

/// <summary>The peer ledger cannot accept a block or its storage is inconsistent.</summary>
/// <param name="message">What went wrong, naming the block.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class LedgerException(string message, Exception? inner = null) : Exception(message, inner);
