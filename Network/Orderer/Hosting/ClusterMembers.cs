using System.Net;
using Ceiba.Network.Orderer.Consensus;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.Network.Orderer.Hosting;

/// <summary>
/// The Raft members of an orderer's cluster: the node config's <c>orderers</c> list, each with the
/// Raft port read from that orderer's own node config (its admin port) next to this one.
/// </summary>
internal static class ClusterMembers
{
    public static IReadOnlyList<ClusterMember> Read(NodeConfig config, string root)
    {
        var siblings = Directory.GetFiles(Path.Combine(root, "nodes"), "*.json")
            .Select(NodeConfig.Load)
            .Where(c => c.Role == "orderer")
            .ToList();
        return [.. config.Orderers.Select(endpoint =>
        {
            var port = int.Parse(endpoint.Address[(endpoint.Address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var node = siblings.FirstOrDefault(s => s.Listen.Port == port)
                ?? throw new InvalidOperationException($"no node config for the orderer {endpoint.Name} at {endpoint.Address}");
            var raftPort = node.Listen.AdminPort
                ?? throw new InvalidOperationException($"orderer {node.Name} has no admin port for Raft traffic");
            return new ClusterMember(node.Name, endpoint.Address, endpoint.HostName, endpoint.TlsCaCert, new IPEndPoint(IPAddress.Parse(node.Listen.Host), raftPort));
        })];
    }
}
