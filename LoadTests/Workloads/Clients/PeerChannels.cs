using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Ceiba.LoadTests.Workloads.Clients;

/// <summary>gRPC channels to peers: TLS trusting only the org's TLS CA and checking the peer's host name (the profile's hostname override), or plaintext.</summary>
internal static class PeerChannels
{
    private const int MaxMessageBytes = 100 * 1024 * 1024;

    public static GrpcChannel Create(PeerEndpoint peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan };
        var secure = peer.Address.Scheme is "grpcs" or "https";
        var address = $"{(secure ? "https" : "http")}://{peer.Address.Host}:{peer.Address.Port}";
        if (secure)
        {
            if (string.IsNullOrEmpty(peer.TlsCaPem))
            {
                throw new InvalidDataException($"peer {peer.HostName}: {peer.Address} uses TLS but the connection profile has no tlsCACerts.pem.");
            }

            var ca = X509Certificate2.CreateFromPem(peer.TlsCaPem);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = peer.HostName,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 server && ChainsTo(server, ca, peer.HostName),
            };
        }

        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
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
