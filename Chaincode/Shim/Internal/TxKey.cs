namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>Identifies a transaction on a chaincode stream: the same txid may run on two channels at once.</summary>
/// <param name="ChannelId">The channel.</param>
/// <param name="TxId">The transaction id.</param>
internal readonly record struct TxKey(string ChannelId, string TxId)
{
    public override string ToString() => $"{ChannelId}:{TxId}";
}
