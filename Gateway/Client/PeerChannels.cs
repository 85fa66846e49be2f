using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Ceiba.Gateway.Client;

/// <summary>
/// gRPC channels to Fabric peers for a <see cref="Gateway"/>: TLS that trusts only the org's TLS CA and checks the
/// certificate against the peer's host name (the connection profile's ssl-target-name-override, since embedded peers
/// are dialled at localhost), or plaintext; Fabric's 100 MiB message limit instead of gRPC's 4 MiB.
/// </summary>
public static class PeerChannels
{
    /// <summary>Fabric's message size limit (100 MiB).</summary>
    public const int MaxMessageBytes = 100 * 1024 * 1024;

    /// <summary>A channel to <paramref name="address"/> (<c>host:port</c>).</summary>
    /// <param name="address">Where to dial the peer.</param>
    /// <param name="tlsCaPem">The org's TLS CA certificate (PEM); null for plaintext.</param>
    /// <param name="serverHostName">The name the peer's TLS certificate must carry.</param>
    /// <param name="connectTimeout">How long a TCP connect may take; the platform default when null.</param>
    public static GrpcChannel Create(string address, string? tlsCaPem, string serverHostName, TimeSpan? connectTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentException.ThrowIfNullOrEmpty(serverHostName);
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan };
        if (connectTimeout is { } timeout)
        {
            handler.ConnectTimeout = timeout;
        }
        if (tlsCaPem is not null)
        {
            var ca = X509Certificate2.CreateFromPem(tlsCaPem);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = serverHostName,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 server && ChainsTo(server, ca, serverHostName),
            };
        }

        return GrpcChannel.ForAddress($"{(tlsCaPem is null ? "http" : "https")}://{address}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = MaxMessageBytes,
            MaxSendMessageSize = MaxMessageBytes,
            DisposeHttpClient = true,
        });
    }

    private static bool ChainsTo(X509Certificate2 server, X509Certificate2 ca, string hostName)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server) && server.MatchesHostname(hostName);
    }
}
