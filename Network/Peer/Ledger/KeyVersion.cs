namespace Ceiba.Network.Peer.Ledger;

/// <summary>The version of a key in the world state: the block and the transaction in it that last wrote the key.</summary>
/// <param name="BlockNumber">The block that committed the write.</param>
/// <param name="TxNumber">The transaction's index in that block.</param>
public readonly record struct KeyVersion(ulong BlockNumber, ulong TxNumber)
{
    /// <inheritdoc />
    public override string ToString() => $"({BlockNumber},{TxNumber})";
}
