using System.Globalization;
using System.Text.Json;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// The core.yaml overrides (<c>CORE_*</c>) for a Fabric 2.5 peer: TLS, gossip by host name, the gateway, LevelDB
/// state, Prometheus metrics on the operations port, and the <c>ccaas</c> external builder so the peer dials the
/// chaincode server named in a CCaaS package's <c>connection.json</c> instead of building chaincode itself.
/// </summary>
public static class PeerEnvironment
{
    /// <summary>The name the CCaaS builder is registered under in <c>chaincode.externalBuilders</c>.</summary>
    public const string CcaasBuilderName = "ccaas_builder";

    /// <summary>
    /// <c>chaincode.externalBuilders</c> as one environment variable (supported since Fabric 2.4; the value is YAML,
    /// and JSON is YAML).
    /// </summary>
    public static string ExternalBuilders { get; } = JsonSerializer.Serialize(new[]
    {
        new Dictionary<string, object>
        {
            ["name"] = CcaasBuilderName,
            ["path"] = ContainerPaths.CcaasBuilder,
            ["propagateEnvironment"] = new[] { "CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG" },
        },
    });

    /// <summary>The environment for <paramref name="node"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(NodeConfig node)
    {
        NodeRequirements.Check(node, "peer");
        var chaincodePort = NodeRequirements.Port(node, node.Listen.ChaincodePort, "chaincodePort");
        var operationsPort = NodeRequirements.Port(node, node.Listen.OperationsPort, "operationsPort");
        var address = $"{node.HostName}:{Text(node.Listen.Port)}";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FABRIC_LOGGING_SPEC"] = "INFO",
            ["CORE_PEER_ID"] = node.HostName,
            ["CORE_PEER_ADDRESS"] = address,
            ["CORE_PEER_LISTENADDRESS"] = $"0.0.0.0:{Text(node.Listen.Port)}",
            ["CORE_PEER_CHAINCODEADDRESS"] = $"{node.HostName}:{Text(chaincodePort)}",
            ["CORE_PEER_CHAINCODELISTENADDRESS"] = $"0.0.0.0:{Text(chaincodePort)}",
            ["CORE_PEER_GOSSIP_BOOTSTRAP"] = GossipBootstrap(node, address),
            ["CORE_PEER_GOSSIP_EXTERNALENDPOINT"] = address,
            ["CORE_PEER_LOCALMSPID"] = node.MspId,
            ["CORE_PEER_MSPCONFIGPATH"] = ContainerPaths.NodeMsp,
            ["CORE_PEER_TLS_ENABLED"] = "true",
            ["CORE_PEER_TLS_CERT_FILE"] = ContainerPaths.NodeTlsCertificate,
            ["CORE_PEER_TLS_KEY_FILE"] = ContainerPaths.NodeTlsKey,
            ["CORE_PEER_TLS_ROOTCERT_FILE"] = ContainerPaths.NodeTlsCa,
            ["CORE_PEER_FILESYSTEMPATH"] = ContainerPaths.Production,
            ["CORE_PEER_GATEWAY_ENABLED"] = "true",
            ["CORE_PEER_PROFILE_ENABLED"] = "false",
            ["CORE_LEDGER_STATE_STATEDATABASE"] = "goleveldb",
            ["CORE_LEDGER_SNAPSHOTS_ROOTDIR"] = $"{ContainerPaths.Production}/snapshots",
            ["CORE_OPERATIONS_LISTENADDRESS"] = $"0.0.0.0:{Text(operationsPort)}",
            ["CORE_METRICS_PROVIDER"] = "prometheus",
            ["CORE_CHAINCODE_EXTERNALBUILDERS"] = ExternalBuilders,
            // Values the ccaas builder can substitute into connection.json ({{.peername}}); our packages use fixed addresses.
            ["CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG"] = JsonSerializer.Serialize(new Dictionary<string, string> { ["peername"] = node.Name }),
        };
    }

    /// <summary>The org's other peers, or the peer itself when it is the org's only peer (as Fabric's test network does).</summary>
    private static string GossipBootstrap(NodeConfig node, string ownAddress)
    {
        var orgPeers = node.Peers
            .Where(p => p.MspId == node.MspId)
            .Select(p => $"{p.HostName}:{Port(p.Address)}")
            .ToList();
        return orgPeers.Count > 0 ? string.Join(' ', orgPeers) : ownAddress;
    }

    /// <summary>The port of a <c>host:port</c> address from a node config.</summary>
    internal static string Port(string address)
    {
        var colon = address.LastIndexOf(':');
        return colon > 0 && int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? Text(port)
            : throw new FabricRuntimeException($"'{address}': not a host:port address.");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
