using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Ceiba.Network.Msp;

/// <summary>
/// gRPC client channels from a node to another node (peer to peer, peer to orderer, orderer to orderer): plaintext
/// HTTP/2, or TLS trusting one CA (the other node's TLS CA) and checking its host name; Fabric's 100 MiB message limit.
/// </summary>
public static class NodeGrpcChannels
{
    /// <summary>Fabric's message size limit (100 MiB), instead of gRPC's 4 MiB default; servers use it too.</summary>
    public const int MaxMessageBytes = 100 * 1024 * 1024;

    /// <summary>How long a connection attempt may take, by default, before the call fails as unavailable.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Creates a channel to <paramref name="address"/> (<c>host:port</c>).</summary>
    /// <param name="address">The node's address.</param>
    /// <param name="tlsCa">The TLS CA to trust; null for plaintext.</param>
    /// <param name="hostName">The name the server certificate must carry (TLS only); null to skip the name check.</param>
    /// <param name="clientCertificate">A certificate with its key to present for mutual TLS (TLS only).</param>
    /// <param name="connectTimeout">How long a connection attempt may take; <see cref="DefaultConnectTimeout"/> when null.</param>
    public static GrpcChannel Create(string address, X509Certificate2? tlsCa, string? hostName, X509Certificate2? clientCertificate = null, TimeSpan? connectTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = connectTimeout ?? DefaultConnectTimeout,
        };
        if (tlsCa is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = hostName,
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is X509Certificate2 server && TlsTrust.ChainsTo(server, tlsCa) && (hostName is null || server.MatchesHostname(hostName)),
            };
        }

        return GrpcChannel.ForAddress($"{(tlsCa is null ? "http" : "https")}://{address}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = MaxMessageBytes,
            MaxSendMessageSize = MaxMessageBytes,
            DisposeHttpClient = true,
        });
    }
}
