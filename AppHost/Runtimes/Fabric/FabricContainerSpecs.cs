using Ceiba.Network.Topology;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// The container specifications of the <c>fabric</c> runtime: the official orderer, peer and CA images configured
/// from a generated network's node configs, and a one-shot tools container that joins channels and deploys the
/// chaincode. Creating a spec also prepares the host side: ledger folders, the CA password, packages and script.
/// </summary>
public static class FabricContainerSpecs
{
    /// <summary>The resource name of the network setup container.</summary>
    public const string NetworkSetupName = "fabric-network-setup";

    /// <summary>The health endpoint of Fabric's operations service (peer, orderer and CA).</summary>
    private static readonly HttpHealthCheck OperationsHealth = new("operations", "/healthz");

    /// <summary>An ordering node: joins channels later through osnadmin, so no genesis block is mounted.</summary>
    public static ContainerSpec Orderer(string networkRoot, NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        NodeRequirements.Check(node, "orderer");
        return NodeSpec(networkRoot, node, FabricContainerImageTags.OrdererImage, OrdererEnvironment.For(node), ["orderer", "start"],
            [Port("grpc", node.Listen.Port, "https"), Port("admin", NodeRequirements.Port(node, node.Listen.AdminPort, "adminPort"), "https")],
            []);
    }

    /// <summary>A peer with the CCaaS builder; it reaches host-process chaincode servers through the host gateway.</summary>
    public static ContainerSpec Peer(string networkRoot, NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        NodeRequirements.Check(node, "peer");
        return NodeSpec(networkRoot, node, FabricContainerImageTags.PeerImage, PeerEnvironment.For(node), ["peer", "node", "start"],
            [Port("grpc", node.Listen.Port, "https")],
            ["--add-host", $"{CcaasPackages.HostGateway}:host-gateway"]);
    }

    /// <summary>An org's CA, with its bootstrap admin password generated once and stored under <c>fabric/secrets/</c>.</summary>
    public static ContainerSpec Ca(string networkRoot, NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        NodeRequirements.Check(node, "ca");
        return Ca(networkRoot, node, CaBootstrapPassword.ReadOrCreate(FabricNetworkFolder.Open(networkRoot), node.Name));
    }

    /// <summary>An org's CA whose bootstrap admin has <paramref name="adminPassword"/> (e.g. from an Aspire secret parameter).</summary>
    public static ContainerSpec Ca(string networkRoot, NodeConfig node, string adminPassword)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentException.ThrowIfNullOrWhiteSpace(adminPassword);
        NodeRequirements.Check(node, "ca");
        var network = FabricNetworkFolder.Open(networkRoot);
        var caDirectory = network.ExistingDirectory(node.MspDirectory, $"CA folder of {node.Name}");
        var certificates = Directory.GetFiles(caDirectory, "*-cert.pem");
        if (certificates.Length != 1)
        {
            throw new FabricRuntimeException($"{caDirectory}: expected exactly one CA certificate (*-cert.pem), found {certificates.Length}.");
        }
        network.ExistingFile(Path.Combine(node.MspDirectory, "priv_sk"), $"CA private key of {node.Name}");
        network.ExistingFile(Path.Combine(node.TlsDirectory, "server.crt"), $"TLS certificate of {node.Name}");
        return new ContainerSpec(
            node.Name,
            FabricContainerImageTags.CaImage,
            FabricContainerImageTags.CaTag,
            CaEnvironment.For(node, Path.GetFileName(certificates[0])),
            [
                new BindMount(caDirectory, ContainerPaths.CaCrypto, ReadOnly: true),
                new BindMount(network.ExistingDirectory(node.TlsDirectory, $"TLS folder of {node.Name}"), ContainerPaths.CaTls, ReadOnly: true),
                new BindMount(network.CreatedDirectory(ContainerPaths.DataDirectory(node.Name)), ContainerPaths.CaHome, ReadOnly: false),
            ],
            ["start", "-b", $"{CaBootstrapPassword.AdminName}:{adminPassword}"],
            [
                Port("api", node.Listen.Port, "https"),
                Port("operations", NodeRequirements.Port(node, node.Listen.OperationsPort, "operationsPort"), "http"),
            ],
            Entrypoint: "fabric-ca-server")
        {
            NetworkAlias = node.HostName,
            RuntimeArgs = NodeRequirements.ResourceArgs(node),
            HealthCheck = OperationsHealth,
        };
    }

    /// <summary>
    /// A one-shot tools container: osnadmin channel join on every orderer, peer channel join on every peer, and the
    /// CCaaS chaincode install, approve and commit. Writes the packages and <c>fabric/setup/network-setup.sh</c>.
    /// </summary>
    public static ContainerSpec NetworkSetup(string networkRoot, NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var network = FabricNetworkFolder.Open(networkRoot);
        var packages = CcaasPackages.Write(network, topology);
        var script = NetworkSetupScript.Render(NetworkSetupPlanFactory.Create(network, topology, packages));
        var scriptPath = network.Full(ContainerPaths.SetupScriptFile);
        if (!File.Exists(scriptPath) || File.ReadAllText(scriptPath) != script)
        {
            File.WriteAllText(scriptPath, script);
        }
        return new ContainerSpec(
            NetworkSetupName,
            FabricContainerImageTags.ToolsImage,
            FabricContainerImageTags.FabricTag,
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["FABRIC_LOGGING_SPEC"] = "WARNING",
                ["CORE_PEER_TLS_ENABLED"] = "true",
                ["SETUP_ATTEMPTS"] = "60",
                ["SETUP_DELAY_SECONDS"] = "2",
            },
            [
                new BindMount(network.ExistingDirectory("organizations", "crypto material"), ContainerPaths.InToolsContainer("organizations"), ReadOnly: true),
                new BindMount(network.ExistingDirectory("channel-artifacts", "genesis blocks"), ContainerPaths.InToolsContainer("channel-artifacts"), ReadOnly: true),
                new BindMount(network.Full(ContainerPaths.SetupDirectory), ContainerPaths.ToolsSetup, ReadOnly: true),
            ],
            ["bash", ContainerPaths.InToolsSetup(NetworkSetupScript.FileName)],
            []);
    }

    /// <summary>A peer or orderer: its MSP, TLS and ledger mounts, its ports plus operations, its host name alias and limits.</summary>
    private static ContainerSpec NodeSpec(
        string networkRoot, NodeConfig node, string image, IReadOnlyDictionary<string, string> environment, string[] args, ContainerPort[] ports, string[] runtimeArgs)
    {
        var network = FabricNetworkFolder.Open(networkRoot);
        var operations = Port("operations", NodeRequirements.Port(node, node.Listen.OperationsPort, "operationsPort"), "http");
        return new ContainerSpec(node.Name, image, FabricContainerImageTags.FabricTag, environment, NodeMounts(network, node), args, [.. ports, operations])
        {
            NetworkAlias = node.HostName,
            RuntimeArgs = [.. NodeRequirements.ResourceArgs(node), .. runtimeArgs],
            HealthCheck = OperationsHealth,
        };
    }

    /// <summary>The local MSP and TLS folders (read-only) and the ledger folder (writable) of a peer or orderer.</summary>
    private static List<BindMount> NodeMounts(FabricNetworkFolder network, NodeConfig node) =>
    [
        new(network.ExistingDirectory(node.MspDirectory, $"local MSP of {node.Name}"), ContainerPaths.NodeMsp, ReadOnly: true),
        new(network.ExistingDirectory(node.TlsDirectory, $"TLS folder of {node.Name}"), ContainerPaths.NodeTls, ReadOnly: true),
        new(network.CreatedDirectory(ContainerPaths.DataDirectory(node.Name)), ContainerPaths.Production, ReadOnly: false),
    ];

    private static ContainerPort Port(string name, int port, string scheme) => new(name, port, port, scheme);
}
