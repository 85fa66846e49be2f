using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>What validation decided about one broadcast envelope.</summary>
internal readonly record struct BroadcastVerdict(Status Status, string Info, OrdererChannel? Channel, string ChannelId, string TxId, long Size)
{
    public bool IsAccepted => Status == Status.Success;
}
