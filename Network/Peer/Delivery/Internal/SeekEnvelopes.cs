using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;

namespace Ceiba.Network.Peer.Delivery.Internal;

/// <summary>Signed DELIVER_SEEK_INFO envelopes, as a peer sends them to the orderers.</summary>
internal static class SeekEnvelopes
{
    /// <summary>Every block from <paramref name="start"/> on, waiting for new ones.</summary>
    public static Envelope From(SigningIdentity signer, string channelId, ulong start)
    {
        var seek = new SeekInfo
        {
            Start = new SeekPosition { Specified = new SeekSpecified { Number = start } },
            Stop = new SeekPosition { Specified = new SeekSpecified { Number = ulong.MaxValue } },
            Behavior = SeekInfo.Types.SeekBehavior.BlockUntilReady,
        };
        return DeliverSeekEnvelope.Sign(signer, channelId, seek);
    }
}
