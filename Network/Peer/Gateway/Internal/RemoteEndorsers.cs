using System.Collections.Concurrent;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Peer;
using Grpc.Net.Client;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>Endorser clients for the other peers of the network, one gRPC channel per peer, created on first use.</summary>
internal sealed class RemoteEndorsers(IReadOnlyList<PeerEndpoint> peers) : IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);

    /// <summary>The peers of each organization, in configuration order.</summary>
    public ILookup<string, PeerEndpoint> ByOrg { get; } = peers.ToLookup(p => p.MspId, StringComparer.Ordinal);

    public Protos.Peer.Endorser.EndorserClient Client(PeerEndpoint peer) =>
        new(_channels.GetOrAdd(peer.Address, _ => NodeGrpcChannels.Create(peer.Address, peer.TlsCa, peer.HostName)));

    public async Task<ProposalResponse> ProcessAsync(PeerEndpoint peer, SignedProposal proposal, CancellationToken cancellationToken) =>
        await Client(peer).ProcessProposalAsync(proposal, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken).ConfigureAwait(false);

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
