using Ceiba.Network.Topology.Generation.Crypto;

namespace Ceiba.Network.Topology.Generation.Nodes;

/// <summary>Derives one <see cref="NodeConfig"/> per orderer, peer and CA of a topology.</summary>
public static class NodeConfigFactory
{
    public static IReadOnlyList<NodeConfig> Create(NetworkTopology topology, IReadOnlyDictionary<string, OrgCrypto> crypto, bool tlsEnabled)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(crypto);

        var channels = topology.Channels.Select(c => new NodeChannel(c.Name, OutputLayout.GenesisBlock(c.Name))).ToList();
        var orderers = topology.Orderers;
        var ordererCrypto = crypto[orderers.Org.MspId];
        var ordererEndpoints = orderers.Nodes.Select(n => new NodeEndpoint(
            n.Name, orderers.Org.MspId, $"localhost:{n.Port}", orderers.HostNameOf(n), ordererCrypto.TlsCaCertFile)).ToList();
        var peerEndpoints = topology.Orgs.SelectMany(org => org.Peers.Select(p => new NodeEndpoint(
            $"{p.Name}-{org.Name}".ToLowerInvariant(), org.MspId, $"localhost:{p.Port}", org.HostNameOf(p), crypto[org.MspId].TlsCaCertFile))).ToList();

        var configs = new List<NodeConfig>();
        foreach (var node in orderers.Nodes)
        {
            var identity = ordererCrypto.Identities[orderers.HostNameOf(node)];
            configs.Add(new NodeConfig
            {
                Role = "orderer",
                Name = node.Name.ToLowerInvariant(),
                HostName = orderers.HostNameOf(node),
                Org = orderers.Org.Name,
                MspId = orderers.Org.MspId,
                MspDirectory = identity.MspDirectory,
                TlsDirectory = identity.TlsDirectory,
                DataDirectory = DataDirectory(node.Name),
                Listen = new NodeListen { Port = node.Port, OperationsPort = node.OperationsPort, AdminPort = node.AdminPort },
                TlsEnabled = tlsEnabled,
                Channels = channels,
                Orderers = ordererEndpoints,
                Resources = node.Resources,
            });
        }

        foreach (var org in topology.Orgs)
        {
            var orgCrypto = crypto[org.MspId];
            var orgChannels = channels.Where(c => topology.FindChannel(c.Name)!.Orgs.Contains(org.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            var chaincodes = topology.Chaincodes
                .Where(cc => orgChannels.Any(c => c.Name == cc.Channel))
                .Select(cc => new NodeChaincode(cc.Name, cc.Channel, cc.Version, cc.Sequence, cc.Label, cc.EndorsementPolicy, cc.InitRequired,
                    cc.Servers.FirstOrDefault(s => string.Equals(s.Org, org.Name, StringComparison.OrdinalIgnoreCase)) is { } server ? $"localhost:{server.Port}" : null))
                .ToList();
            foreach (var peer in org.Peers)
            {
                var name = $"{peer.Name}-{org.Name}".ToLowerInvariant();
                var identity = orgCrypto.Identities[org.HostNameOf(peer)];
                configs.Add(new NodeConfig
                {
                    Role = "peer",
                    Name = name,
                    HostName = org.HostNameOf(peer),
                    Org = org.Name,
                    MspId = org.MspId,
                    MspDirectory = identity.MspDirectory,
                    TlsDirectory = identity.TlsDirectory,
                    DataDirectory = DataDirectory(name),
                    Listen = new NodeListen { Port = peer.Port, OperationsPort = peer.OperationsPort, ChaincodePort = peer.ChaincodePort },
                    TlsEnabled = tlsEnabled,
                    Channels = orgChannels,
                    Orderers = ordererEndpoints,
                    Peers = [.. peerEndpoints.Where(p => p.Name != name)],
                    Chaincodes = chaincodes,
                    Resources = peer.Resources,
                });
            }

            var caName = $"{org.Ca.Name}-{org.Name}".ToLowerInvariant();
            configs.Add(new NodeConfig
            {
                Role = "ca",
                Name = caName,
                HostName = org.CaHostName,
                Org = org.Name,
                MspId = org.MspId,
                MspDirectory = OutputLayout.CaDirectory(orgCrypto.OrgDirectory),
                TlsDirectory = orgCrypto.CaTlsDirectory,
                DataDirectory = DataDirectory(caName),
                Listen = new NodeListen { Port = org.Ca.Port, OperationsPort = org.Ca.OperationsPort },
                TlsEnabled = tlsEnabled,
                Resources = org.Ca.Resources,
            });
        }
        return configs;
    }

    private static string DataDirectory(string name) => Path.Combine("data", name.ToLowerInvariant());
}
