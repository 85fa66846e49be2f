using Ceiba.LoadTests.Workloads.Clients;
using Grpc.Net.Client;

namespace Ceiba.LoadTests.Workloads.GatewayTarget;

using Ceiba.Gateway.Client;

/// <summary>One TLS channel per peer, shared by every gateway connected through it; disposing closes them.</summary>
internal sealed class GatewayConnections : IDisposable
{
    private readonly Dictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);

    /// <summary>The channel to <paramref name="peer"/>, opened on first use.</summary>
    public GrpcChannel ChannelTo(PeerEndpoint peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var key = peer.Address.ToString();
        if (!_channels.TryGetValue(key, out var channel))
        {
            _channels[key] = channel = Open(peer);
        }

        return channel;
    }

    /// <summary>A gateway acting as <paramref name="identity"/> through <paramref name="peer"/>.</summary>
    public Gateway Connect(IdentityFiles identity, PeerEndpoint peer, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Gateway.Connect(
            Identity.FromCertificateFile(identity.MspId, identity.CertificatePath),
            GatewaySigners.FromPrivateKeyFile(identity.PrivateKeyPath),
            ChannelTo(peer),
            options);
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _channels.Clear();
    }

    private static GrpcChannel Open(PeerEndpoint peer)
    {
        var secure = peer.Address.Scheme is "grpcs" or "https";
        if (secure && string.IsNullOrEmpty(peer.TlsCaPem))
        {
            throw new InvalidDataException($"peer {peer.HostName}: {peer.Address} uses TLS but the connection profile has no tlsCACerts.pem.");
        }

        return PeerChannels.Create($"{peer.Address.Host}:{peer.Address.Port}", secure ? peer.TlsCaPem : null, peer.HostName);
    }
}
