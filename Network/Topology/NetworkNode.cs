namespace Ceiba.Network.Topology;

/// <summary>
/// One process of the network, flattened from the topology for code that starts or addresses nodes:
/// its role, owner, host name, ports and resource limits.
/// </summary>
/// <param name="Role">What the node does.</param>
/// <param name="Name">The node's name in the file, e.g. <c>peer0</c>, <c>orderer1</c>, <c>ca</c> or the chaincode name.</param>
/// <param name="OrgName">The owning organization's name.</param>
/// <param name="MspId">The owning organization's MSP ID.</param>
/// <param name="HostName">The TLS host name, e.g. <c>peer0.habana.ceiba.local</c>.</param>
/// <param name="Port">The main listening port (gRPC, or the CA's REST API).</param>
/// <param name="OperationsPort">The operations (health, metrics) port, if the node has one.</param>
/// <param name="Resources">CPU and memory limits, if any.</param>
public sealed record NetworkNode(
    NodeRole Role,
    string Name,
    string OrgName,
    string MspId,
    string HostName,
    int Port,
    int? OperationsPort,
    ResourceLimits? Resources)
{
    /// <summary>
    /// A kebab-case name unique in the topology, for app-model resources and folders:
    /// <c>peer0-habana</c>, <c>ca-habana</c>, <c>orderer0</c>, <c>ehr-cc-habana</c>.
    /// </summary>
    public string ResourceName => Role switch
    {
        NodeRole.Orderer => Name.ToLowerInvariant(),
        NodeRole.ChaincodeServer => $"{Name}-cc-{OrgName}".ToLowerInvariant(),
        _ => $"{Name}-{OrgName}".ToLowerInvariant(),
    };

    /// <summary>The address other nodes use, <c>host:port</c>, e.g. <c>peer0.habana.ceiba.local:10310</c>.</summary>
    public string Address => $"{HostName}:{Port}";

    /// <summary>The address on the local machine, where the embedded runtime runs every node: <c>localhost:port</c>.</summary>
    public string LocalAddress => $"localhost:{Port}";

    internal static NetworkNode ForPeer(Organization org, PeerNode peer) =>
        new(NodeRole.Peer, peer.Name, org.Name, org.MspId, org.HostNameOf(peer), peer.Port, peer.OperationsPort, peer.Resources);

    internal static NetworkNode ForCa(string orgName, string mspId, string domain, CertificateAuthority ca) =>
        new(NodeRole.CertificateAuthority, ca.Name, orgName, mspId, HostNames.Of(ca.Name, domain), ca.Port, ca.OperationsPort, ca.Resources);

    internal static NetworkNode ForOrderer(OrdererCluster cluster, OrdererNode node) =>
        new(NodeRole.Orderer, node.Name, cluster.Org.Name, cluster.Org.MspId, cluster.HostNameOf(node), node.Port, node.OperationsPort, node.Resources);

    internal static NetworkNode ForChaincodeServer(Organization org, ChaincodeDefinition chaincode, ChaincodeServer server) =>
        new(NodeRole.ChaincodeServer, chaincode.Name, org.Name, org.MspId, chaincode.HostNameOf(org), server.Port, null, server.Resources);
}
