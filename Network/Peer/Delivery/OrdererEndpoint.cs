using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Peer.Delivery;

/// <summary>An ordering node a peer pulls blocks from.</summary>
/// <param name="Name">The node name, for logs.</param>
/// <param name="Address">host:port of its gRPC port.</param>
/// <param name="HostName">The name its TLS certificate carries.</param>
/// <param name="TlsCa">The CA of its TLS certificate; null for plaintext.</param>
public sealed record OrdererEndpoint(string Name, string Address, string HostName, X509Certificate2? TlsCa);
