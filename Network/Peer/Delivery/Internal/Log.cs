using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Delivery.Internal;

/// <summary>Source-generated log messages of block delivery (event IDs 5300–5399).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Pulling blocks of channel {Channel} from {Orderer} starting at block {Start}")]
    public static partial void Pulling(ILogger logger, string channel, string orderer, ulong start);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Delivery of channel {Channel} from {Orderer} failed, trying the next orderer: {Reason}")]
    public static partial void PullFailed(ILogger logger, string channel, string orderer, string reason);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Deliver request on channel {Channel} refused ({Status}): {Reason}")]
    public static partial void DeliverRefused(ILogger logger, string channel, int status, string reason);
}
