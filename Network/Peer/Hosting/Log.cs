using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Hosting;

/// <summary>Source-generated log messages of the peer host (event IDs 5000–5099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Peer {Name} serving channels [{Channels}] on {Address} (TLS {Tls}), chaincodes [{Chaincodes}]")]
    public static partial void Serving(ILogger logger, string name, string channels, string address, bool tls, string chaincodes);
}
