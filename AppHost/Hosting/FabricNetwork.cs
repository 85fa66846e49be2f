using Ceiba.Network.Topology;
using Ceiba.Network.Topology.Generation;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Hosting;

/// <summary>
/// The generated material of one network, as <c>network generate</c> writes it, and the node configs the
/// resources start from. Shared by both runtimes: only how the nodes start differs.
/// </summary>
/// <param name="Root">The output root: <c>nodes/</c>, <c>organizations/</c>, <c>channel-artifacts/</c>, connection profiles.</param>
/// <param name="Topology">The topology the material was generated from.</param>
/// <param name="Runtime">How the nodes run.</param>
/// <param name="Nodes">Every node config, by node name.</param>
public sealed record FabricNetwork(string Root, NetworkTopology Topology, FabricRuntime Runtime, IReadOnlyDictionary<string, NodeConfig> Nodes)
{
    /// <summary>The orderers, in topology order.</summary>
    public IReadOnlyList<NodeConfig> Orderers => Of("orderer");

    /// <summary>The peers, in topology order.</summary>
    public IReadOnlyList<NodeConfig> Peers => Of("peer");

    /// <summary>The certificate authorities, one per org.</summary>
    public IReadOnlyList<NodeConfig> CertificateAuthorities => Of("ca");

    /// <summary>One EHR chaincode server per distinct address the peers dial (the topology's servers, one per org).</summary>
    public IReadOnlyList<ChaincodeServerConfig> ChaincodeServers => [.. Peers
        .SelectMany(peer => peer.Chaincodes.Where(c => c.Address is not null).Select(c => new ChaincodeServerConfig(peer.Org, c)))
        .DistinctBy(server => server.Chaincode.Address, StringComparer.Ordinal)];

    /// <summary>The first channel: the one the gateway and the workload use.</summary>
    public string Channel => Topology.Channels[0].Name;

    /// <summary>The path of a node's config file, as <c>network orderer|peer --config</c> takes it.</summary>
    public string ConfigPath(NodeConfig node) => Path.Combine(Root, OutputLayout.NodeConfig(node.Name));

    /// <summary>
    /// Generates the material for <paramref name="options"/>' topology into its network directory, or reuses what is
    /// there: existing keys and an unchanged genesis block are kept, as <c>network generate</c> keeps them.
    /// </summary>
    /// <exception cref="HarnessOptionsException">The topology is invalid or the directory cannot be written.</exception>
    public static FabricNetwork GenerateOrReuse(HarnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        GenerationResult result;
        try
        {
            result = NetworkGenerator.Generate(options.Topology, options.NetworkDirectory);
        }
        catch (Exception error) when (error is TopologyException or GenerationException)
        {
            throw new HarnessOptionsException($"--topology {options.Topology}: {error.Message}", error);
        }

        var nodes = result.NodeConfigs
            .Select(path => NodeConfig.Load(Path.Combine(result.OutputDirectory, path)))
            .ToDictionary(node => node.Name, StringComparer.Ordinal);
        return new FabricNetwork(Path.GetFullPath(result.OutputDirectory), result.Topology, options.Runtime, nodes);
    }

    private List<NodeConfig> Of(string role) => [.. Nodes.Values.Where(n => n.Role == role)];
}

/// <summary>One org's EHR chaincode server: the chaincode definition and the address its org's peers dial.</summary>
/// <param name="Org">The org the server belongs to, e.g. <c>Habana</c>.</param>
/// <param name="Chaincode">The definition, with <see cref="NodeChaincode.Address"/> set.</param>
public sealed record ChaincodeServerConfig(string Org, NodeChaincode Chaincode)
{
    /// <summary>The resource name, e.g. <c>ehr-habana</c>.</summary>
    public string Name => $"{Chaincode.Name}-{Org}".ToLowerInvariant();

    /// <summary>The host and port the server listens on, e.g. <c>localhost:10390</c>.</summary>
    public string Address => Chaincode.Address!;

    /// <summary>The port of <see cref="Address"/>.</summary>
    public int Port => int.Parse(Address[(Address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
