using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// The orderer.yaml overrides (<c>ORDERER_*</c>) for a Fabric 2.5 ordering node that runs without a system channel:
/// it starts with no channel (<c>BootstrapMethod: none</c>) and joins channels through the channel participation API
/// on its admin port. Raft cluster traffic shares the main TLS listener, as the consenters in the genesis block
/// name the node's main port.
/// </summary>
public static class OrdererEnvironment
{
    /// <summary>The environment for <paramref name="node"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(NodeConfig node)
    {
        NodeRequirements.Check(node, "orderer");
        var adminPort = NodeRequirements.Port(node, node.Listen.AdminPort, "adminPort");
        var operationsPort = NodeRequirements.Port(node, node.Listen.OperationsPort, "operationsPort");
        var tlsRoots = $"[{ContainerPaths.NodeTlsCa}]";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FABRIC_LOGGING_SPEC"] = "INFO",
            ["ORDERER_GENERAL_LISTENADDRESS"] = "0.0.0.0",
            ["ORDERER_GENERAL_LISTENPORT"] = Text(node.Listen.Port),
            ["ORDERER_GENERAL_LOCALMSPID"] = node.MspId,
            ["ORDERER_GENERAL_LOCALMSPDIR"] = ContainerPaths.NodeMsp,
            ["ORDERER_GENERAL_TLS_ENABLED"] = "true",
            ["ORDERER_GENERAL_TLS_PRIVATEKEY"] = ContainerPaths.NodeTlsKey,
            ["ORDERER_GENERAL_TLS_CERTIFICATE"] = ContainerPaths.NodeTlsCertificate,
            ["ORDERER_GENERAL_TLS_ROOTCAS"] = tlsRoots,
            ["ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE"] = ContainerPaths.NodeTlsCertificate,
            ["ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY"] = ContainerPaths.NodeTlsKey,
            ["ORDERER_GENERAL_CLUSTER_ROOTCAS"] = tlsRoots,
            ["ORDERER_GENERAL_BOOTSTRAPMETHOD"] = "none",
            ["ORDERER_CHANNELPARTICIPATION_ENABLED"] = "true",
            ["ORDERER_ADMIN_LISTENADDRESS"] = $"0.0.0.0:{adminPort}",
            ["ORDERER_ADMIN_TLS_ENABLED"] = "true",
            ["ORDERER_ADMIN_TLS_CERTIFICATE"] = ContainerPaths.NodeTlsCertificate,
            ["ORDERER_ADMIN_TLS_PRIVATEKEY"] = ContainerPaths.NodeTlsKey,
            ["ORDERER_ADMIN_TLS_ROOTCAS"] = tlsRoots,
            ["ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED"] = "true",
            // osnadmin presents the orderer org admin's TLS client certificate, issued by the same TLS CA.
            ["ORDERER_ADMIN_TLS_CLIENTROOTCAS"] = tlsRoots,
            ["ORDERER_OPERATIONS_LISTENADDRESS"] = $"0.0.0.0:{operationsPort}",
            ["ORDERER_METRICS_PROVIDER"] = "prometheus",
            ["ORDERER_FILELEDGER_LOCATION"] = $"{ContainerPaths.Production}/orderer",
            ["ORDERER_CONSENSUS_WALDIR"] = $"{ContainerPaths.Production}/orderer/etcdraft/wal",
            ["ORDERER_CONSENSUS_SNAPDIR"] = $"{ContainerPaths.Production}/orderer/etcdraft/snapshot",
        };
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
