using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Hosting;

/// <summary>How to run a peer node beyond what its node config says.</summary>
public sealed record PeerNodeOptions
{
    /// <summary>Logging setup; default single-line console.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>How long one chaincode execution may take; Fabric's default is 30 s.</summary>
    public TimeSpan ChaincodeExecuteTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
