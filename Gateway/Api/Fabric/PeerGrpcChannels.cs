using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Ceiba.Gateway.Api.Fabric;

/// <summary>
/// gRPC channels to peers: TLS that trusts only the org's TLS CA and checks the certificate against the peer's host
/// name (the connection profile's ssl-target-name-override), since peers are dialled at localhost.
/// </summary>
public static class PeerGrpcChannels
{
    /// <summary>Fabric's message size limit (100 MiB), instead of gRPC's 4 MiB default.</summary>
    public const int MaxMessageBytes = 100 * 1024 * 1024;

    /// <summary>A channel to <paramref name="peer"/>; plaintext when it has no TLS CA.</summary>
    public static GrpcChannel Create(PeerEndpoint peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        var options = new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = MaxMessageBytes,
            MaxSendMessageSize = MaxMessageBytes,
            DisposeHttpClient = true,
        };
        if (peer.TlsCaPem is null)
        {
            return GrpcChannel.ForAddress($"http://{peer.Address}", options);
        }

        var ca = X509Certificate2.CreateFromPem(peer.TlsCaPem);
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            TargetHost = peer.HostName,
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 server && ChainsTo(server, ca, peer.HostName),
        };
        return GrpcChannel.ForAddress($"https://{peer.Address}", options);
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
