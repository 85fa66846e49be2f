using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Ceiba.Network.Peer.Internal;

/// <summary>gRPC channels from a peer to other nodes: TLS verified against the node's TLS CA and host name, or plaintext; Fabric's 100 MiB message limit.</summary>
internal static class GrpcChannels
{
    public const int MaxMessageBytes = 100 * 1024 * 1024;

    public static GrpcChannel Create(string address, X509Certificate2? tlsCa, string? hostName)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(3),
        };
        if (tlsCa is not null)
        {
            handler.SslOptions.TargetHost = hostName;
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is X509Certificate2 server && ChainsTo(server, tlsCa) && (hostName is null || server.MatchesHostname(hostName));
        }

        return GrpcChannel.ForAddress($"{(tlsCa is null ? "http" : "https")}://{address}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = MaxMessageBytes,
            MaxSendMessageSize = MaxMessageBytes,
            DisposeHttpClient = true,
        });
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
