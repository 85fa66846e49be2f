using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology.Generation.ChannelConfig;
using Ceiba.Network.Topology.Generation.Crypto;
using Ceiba.Network.Topology.Generation.Nodes;
using Ceiba.Network.Topology.Generation.Profiles;
using Google.Protobuf;

namespace Ceiba.Network.Topology.Generation;

/// <summary>
/// <c>network generate</c>: turns a topology into crypto material (as cryptogen), channel genesis blocks (as
/// configtxgen), one config file per node and one connection profile per org.
/// </summary>
public static class NetworkGenerator
{
    /// <summary>Generated folders and files that <see cref="GenerationOptions.Force"/> replaces.</summary>
    private static readonly string[] GeneratedFolders = ["organizations", "channel-artifacts", "nodes", "data"];

    /// <param name="topologyNameOrPath">A built-in topology name or the path of a topology file.</param>
    /// <param name="outputDirectory">Created if missing; existing keys in it are kept unless forced.</param>
    /// <exception cref="TopologyException">The topology is not valid.</exception>
    /// <exception cref="GenerationException">The topology file is missing or the output cannot be written.</exception>
    public static GenerationResult Generate(string topologyNameOrPath, string outputDirectory, GenerationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topologyNameOrPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options ??= new GenerationOptions();

        var topologyPath = ResolveTopologyPath(topologyNameOrPath);
        var topology = TopologyLoader.Load(topologyPath);
        var layout = new OutputLayout(outputDirectory);
        try
        {
            return Write(topology, File.ReadAllText(topologyPath), layout, options);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new GenerationException($"{layout.Root}: cannot write the network's files there ({error.Message}).", error);
        }
    }

    private static GenerationResult Write(NetworkTopology topology, string topologyJson, OutputLayout layout, GenerationOptions options)
    {
        PrepareOutput(layout, options);
        File.WriteAllText(layout.TopologyFile, topologyJson);

        var crypto = GenerateCrypto(topology, layout, options);

        var written = new List<string>();
        var kept = new List<string>();
        foreach (var channel in topology.Channels)
        {
            var config = ChannelConfigBuilder.Build(ChannelConfigSpecFactory.Create(topology, channel, crypto, layout));
            var blockPath = layout.Full(OutputLayout.GenesisBlock(channel.Name));
            if (HasSameConfig(blockPath, config))
            {
                kept.Add(channel.Name);
            }
            else
            {
                var block = GenesisBlockFactory.Create(channel.Name, config, options.Clock.GetUtcNow());
                Directory.CreateDirectory(Path.GetDirectoryName(blockPath)!);
                File.WriteAllBytes(blockPath, block.ToByteArray());
            }
            written.Add(OutputLayout.GenesisBlock(channel.Name));
        }

        var nodeConfigs = new List<string>();
        foreach (var node in NodeConfigFactory.Create(topology, crypto, options.TlsEnabled))
        {
            var path = OutputLayout.NodeConfig(node.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(layout.Full(path))!);
            File.WriteAllText(layout.Full(path), node.ToJson());
            nodeConfigs.Add(path);
        }

        var profiles = new List<string>();
        foreach (var org in topology.Orgs)
        {
            var path = OutputLayout.ConnectionProfile(org.Name);
            File.WriteAllText(layout.Full(path), ConnectionProfileFactory.Create(topology, org, crypto, layout, options.TlsEnabled).ToJsonString(JsonOptions.Indented));
            profiles.Add(path);
        }

        return new GenerationResult(layout.Root, topology,
            crypto.Values.Sum(c => c.Generated), crypto.Values.Sum(c => c.Reused), written, kept, nodeConfigs, profiles);
    }

    private static Dictionary<string, OrgCrypto> GenerateCrypto(NetworkTopology topology, OutputLayout layout, GenerationOptions options)
    {
        var generator = new OrgCryptoGenerator(layout, options);
        var crypto = new Dictionary<string, OrgCrypto>(StringComparer.Ordinal);
        foreach (var org in topology.Orgs)
        {
            var location = new SubjectLocation("CU", org.Province.Name, org.Province.Name);
            crypto[org.MspId] = generator.Generate(org.MspId, OutputLayout.PeerOrgDirectory(org.Domain), org.Domain, location,
                TopologyIdentities.ForPeerOrg(org), org.CaHostName);
        }
        var ordererOrg = topology.Orderers.Org;
        crypto[ordererOrg.MspId] = generator.Generate(ordererOrg.MspId, OutputLayout.OrdererOrgDirectory(ordererOrg.Domain), ordererOrg.Domain,
            SubjectLocation.Default, TopologyIdentities.ForOrdererOrg(topology.Orderers),
            ordererOrg.Ca is { } ca ? HostNames.Of(ca.Name, ordererOrg.Domain) : null);
        return crypto;
    }

    private static void PrepareOutput(OutputLayout layout, GenerationOptions options)
    {
        if (File.Exists(layout.Root))
        {
            throw new GenerationException($"{layout.Root}: is a file, expected a directory for the network's output.");
        }
        Directory.CreateDirectory(layout.Root);
        if (!options.Force)
        {
            return;
        }
        foreach (var folder in GeneratedFolders)
        {
            var path = layout.Full(folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        foreach (var profile in Directory.EnumerateFiles(layout.Root, "connection-*.json"))
        {
            File.Delete(profile);
        }
    }

    /// <summary>An existing genesis block is kept when its configuration is unchanged, so nodes that already joined stay valid.</summary>
    private static bool HasSameConfig(string blockPath, ConfigGroup config)
    {
        if (!File.Exists(blockPath))
        {
            return false;
        }
        try
        {
            return GenesisBlockFactory.ReadConfig(Block.Parser.ParseFrom(File.ReadAllBytes(blockPath))).ChannelGroup.Equals(config);
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    private static string ResolveTopologyPath(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return nameOrPath;
        }
        if (BuiltInTopologies.Names.Contains(nameOrPath, StringComparer.OrdinalIgnoreCase))
        {
            return BuiltInTopologies.GetPath(nameOrPath);
        }
        throw new GenerationException(
            $"{nameOrPath}: no such topology file; give the path of a topology JSON file or one of the shipped topologies: {string.Join(", ", BuiltInTopologies.Names)}.");
    }
}
