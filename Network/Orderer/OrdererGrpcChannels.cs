using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Ceiba.Network.Orderer;

/// <summary>gRPC client channels to ordering nodes: plaintext HTTP/2, or TLS trusting one CA (the org's TLS CA) and checking the host name.</summary>
public static class OrdererGrpcChannels
{
    /// <summary>Fabric's message size limit (100 MiB), instead of gRPC's 4 MiB default.</summary>
    public const int MaxMessageBytes = 100 * 1024 * 1024;

    /// <summary>Creates a channel to <paramref name="address"/> (<c>host:port</c>).</summary>
    /// <param name="address">The node's address.</param>
    /// <param name="tlsCaCertificatePath">The TLS CA to trust; null for plaintext.</param>
    /// <param name="serverHostName">The name the server certificate must carry (TLS only); default the address host.</param>
    /// <param name="clientCertificate">A certificate with its key to present for mutual TLS (TLS only).</param>
    public static GrpcChannel Create(string address, string? tlsCaCertificatePath, string? serverHostName = null, X509Certificate2? clientCertificate = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan };
        if (tlsCaCertificatePath is null)
        {
            return GrpcChannel.ForAddress($"http://{address}", Options(handler));
        }

        var ca = X509CertificateLoader.LoadCertificateFromFile(tlsCaCertificatePath);
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            TargetHost = serverHostName,
            ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 server && ChainsTo(server, ca, serverHostName),
        };
        return GrpcChannel.ForAddress($"https://{address}", Options(handler));
    }

    private static GrpcChannelOptions Options(HttpMessageHandler handler) => new()
    {
        HttpHandler = handler,
        MaxReceiveMessageSize = MaxMessageBytes,
        MaxSendMessageSize = MaxMessageBytes,
        DisposeHttpClient = true,
    };

    private static bool ChainsTo(X509Certificate2 server, X509Certificate2 ca, string? hostName)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server) && (hostName is null || server.MatchesHostname(hostName));
    }
}
