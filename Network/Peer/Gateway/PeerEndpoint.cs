using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Peer.Gateway;

/// <summary>Another peer the gateway can ask for endorsements (the topology stands in for discovery).</summary>
/// <param name="Name">The node name, for error details.</param>
/// <param name="MspId">The peer's organization.</param>
/// <param name="Address">host:port of its gRPC port.</param>
/// <param name="HostName">The name its TLS certificate carries.</param>
/// <param name="TlsCa">The CA of its TLS certificate; null for plaintext.</param>
public sealed record PeerEndpoint(string Name, string MspId, string Address, string HostName, X509Certificate2? TlsCa);
