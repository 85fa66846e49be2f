using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ceiba.Network.Topology.Generation.Nodes;

/// <summary>
/// Everything one embedded node needs to start: <c>network peer|orderer|ca --config nodes/&lt;name&gt;.json</c>.
/// Paths are relative to the network's output root, the parent of the <c>nodes/</c> folder.
/// </summary>
public sealed record NodeConfig
{
    /// <summary><c>peer</c>, <c>orderer</c> or <c>ca</c>.</summary>
    public required string Role { get; init; }

    /// <summary>The resource name, unique in the network, e.g. <c>peer0-habana</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The TLS host name, e.g. <c>peer0.habana.ceiba.local</c>.</summary>
    public required string HostName { get; init; }

    public required string Org { get; init; }

    public required string MspId { get; init; }

    /// <summary>The topology this network was generated from.</summary>
    public string Topology { get; init; } = OutputLayout.TopologyFileName;

    /// <summary>The node's local MSP folder (peers, orderers) or its CA folder (CAs).</summary>
    public required string MspDirectory { get; init; }

    /// <summary>The node's TLS folder: ca.crt, server.crt, server.key.</summary>
    public required string TlsDirectory { get; init; }

    /// <summary>Where the node keeps its ledger, write-ahead log or CA database.</summary>
    public required string DataDirectory { get; init; }

    public required NodeListen Listen { get; init; }

    /// <summary>Serve TLS; false only for local plaintext runs.</summary>
    public bool TlsEnabled { get; init; } = true;

    /// <summary>The channels the node joins, with their genesis blocks.</summary>
    public IReadOnlyList<NodeChannel> Channels { get; init; } = [];

    /// <summary>The ordering nodes a peer delivers from and submits to, or a Raft node's cluster members.</summary>
    public IReadOnlyList<NodeEndpoint> Orderers { get; init; } = [];

    /// <summary>The peers of the network a peer's gateway can ask for endorsements (the topology stands in for discovery).</summary>
    public IReadOnlyList<NodeEndpoint> Peers { get; init; } = [];

    /// <summary>The chaincodes a peer runs as a service, with the address of this org's server.</summary>
    public IReadOnlyList<NodeChaincode> Chaincodes { get; init; } = [];

    /// <summary>CPU and memory limits, if the topology sets any.</summary>
    public ResourceLimits? Resources { get; init; }

    /// <summary>Reads a node config file.</summary>
    /// <exception cref="GenerationException">The file is missing or is not a node config.</exception>
    public static NodeConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new GenerationException($"{path}: no such node config file; run 'network generate' first.");
        }
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), NodeConfigJsonContext.Default.NodeConfig)
                ?? throw new GenerationException($"{path}: the file holds null, expected a node config object.");
        }
        catch (JsonException error)
        {
            throw new GenerationException($"{path}: {error.Path ?? "$"}: {error.Message}", error);
        }
    }

    /// <summary>The network's output root for a config file at <paramref name="configPath"/>: the parent of <c>nodes/</c>.</summary>
    public static string RootOf(string configPath) =>
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(configPath)))!;

    public string ToJson() => JsonSerializer.Serialize(this, NodeConfigJsonContext.Default.NodeConfig);
}

/// <summary>The ports a node listens on.</summary>
public sealed record NodeListen
{
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The main port: gRPC for peers and orderers, the REST API for CAs.</summary>
    public required int Port { get; init; }

    public int? OperationsPort { get; init; }

    /// <summary>The orderer's channel participation API port.</summary>
    public int? AdminPort { get; init; }

    /// <summary>The peer's chaincode listener port.</summary>
    public int? ChaincodePort { get; init; }
}

/// <summary>A channel a node joins.</summary>
public sealed record NodeChannel(string Name, string GenesisBlock);

/// <summary>Another node this node talks to: where to dial it, what name its TLS certificate carries, and which CA signed that certificate.</summary>
public sealed record NodeEndpoint(string Name, string MspId, string Address, string HostName, string TlsCaCert);

/// <summary>A chaincode definition and where this peer's org serves it.</summary>
public sealed record NodeChaincode(string Name, string Channel, string Version, long Sequence, string Label, string EndorsementPolicy, bool InitRequired, string? Address)
{
    /// <summary>
    /// The PEM certificate of the CA that signed the chaincode server's TLS certificate, relative to the network's
    /// output root; the peer then dials <see cref="Address"/> with TLS and trusts only that CA. Null (the default,
    /// and what <c>network generate</c> writes): plaintext h2c.
    /// </summary>
    public string? TlsRootCert { get; init; }

    /// <summary>
    /// With <see cref="TlsRootCert"/> set: the peer presents its own TLS certificate and key (<c>server.crt</c>,
    /// <c>server.key</c> of its <see cref="NodeConfig.TlsDirectory"/>) as client certificate, for chaincode servers
    /// that require client authentication. Default false.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsClientAuth { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NodeConfig))]
internal sealed partial class NodeConfigJsonContext : JsonSerializerContext;
