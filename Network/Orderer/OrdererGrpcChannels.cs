using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp;
using Grpc.Net.Client;

namespace Ceiba.Network.Orderer;

/// <summary>gRPC client channels to ordering nodes, from the TLS CA's file (see <see cref="NodeGrpcChannels"/>).</summary>
public static class OrdererGrpcChannels
{
    /// <summary>Creates a channel to <paramref name="address"/> (<c>host:port</c>).</summary>
    /// <param name="address">The node's address.</param>
    /// <param name="tlsCaCertificatePath">The TLS CA to trust; null for plaintext.</param>
    /// <param name="serverHostName">The name the server certificate must carry (TLS only); null to skip the name check.</param>
    /// <param name="clientCertificate">A certificate with its key to present for mutual TLS (TLS only).</param>
    public static GrpcChannel Create(string address, string? tlsCaCertificatePath, string? serverHostName = null, X509Certificate2? clientCertificate = null) =>
        NodeGrpcChannels.Create(
            address,
            tlsCaCertificatePath is null ? null : X509CertificateLoader.LoadCertificateFromFile(tlsCaCertificatePath),
            serverHostName,
            clientCertificate);
}
