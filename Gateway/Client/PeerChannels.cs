using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp;
using Grpc.Net.Client;

namespace Ceiba.Gateway.Client;

/// <summary>
/// gRPC channels to Fabric peers for a <see cref="Gateway"/>: TLS that trusts only the org's TLS CA and checks the
/// certificate against the peer's host name (the connection profile's ssl-target-name-override, since embedded peers
/// are dialled at localhost), or plaintext; Fabric's 100 MiB message limit instead of gRPC's 4 MiB
/// (<see cref="NodeGrpcChannels"/>, from a PEM CA).
/// </summary>
public static class PeerChannels
{
    /// <summary>Fabric's message size limit (100 MiB).</summary>
    public const int MaxMessageBytes = NodeGrpcChannels.MaxMessageBytes;

    /// <summary>A channel to <paramref name="address"/> (<c>host:port</c>).</summary>
    /// <param name="address">Where to dial the peer.</param>
    /// <param name="tlsCaPem">The org's TLS CA certificate (PEM); null for plaintext.</param>
    /// <param name="serverHostName">The name the peer's TLS certificate must carry.</param>
    /// <param name="connectTimeout">How long a TCP connect may take; the platform default (no limit) when null.</param>
    public static GrpcChannel Create(string address, string? tlsCaPem, string serverHostName, TimeSpan? connectTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentException.ThrowIfNullOrEmpty(serverHostName);
        var ca = tlsCaPem is null ? null : X509Certificate2.CreateFromPem(tlsCaPem);
        return NodeGrpcChannels.Create(address, ca, serverHostName, connectTimeout: connectTimeout ?? Timeout.InfiniteTimeSpan);
    }
}
