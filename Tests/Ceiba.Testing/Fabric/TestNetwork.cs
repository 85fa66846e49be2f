using System.Text.Json.Nodes;
using Ceiba.Network.Msp;
using Ceiba.Network.Topology;
using Ceiba.Network.Topology.Generation;
using NodeConfigFile = Ceiba.Network.Topology.Generation.Nodes.NodeConfig;

namespace Ceiba.Testing.Fabric;

/// <summary>
/// A shipped topology generated into a temp directory with every port moved to a free loopback
/// port and test-sized batch settings, so orderer and peer nodes can run in-process.
/// </summary>
public sealed class TestNetwork : IDisposable
{
    private TestNetwork(string root, GenerationResult result)
    {
        Root = root;
        Result = result;
    }

    public string Root { get; }

    public GenerationResult Result { get; }

    public NetworkTopology Topology => Result.Topology;

    public string Channel => Topology.Channels[0].Name;

    public IReadOnlyList<string> OrdererNames => [.. Topology.Orderers.Nodes.Select(n => n.Name.ToLowerInvariant())];

    /// <summary>The peers' node names, from the generated node configs.</summary>
    public IReadOnlyList<string> PeerNames => [.. Directory.GetFiles(Path.Combine(Root, "nodes"), "*.json")
        .Select(f => Path.GetFileNameWithoutExtension(f))
        .Where(n => Config(n).Role == "peer")
        .Order(StringComparer.Ordinal)];

    public static TestNetwork Generate(string topology, int maxMessageCount = 10, string batchTimeout = "200ms", int absoluteMaxBytes = 1024 * 1024, int preferredMaxBytes = 512 * 1024, bool tls = true, int? orderers = null)
    {
        var root = Directory.CreateTempSubdirectory($"ceiba-peer-{topology}-").FullName;
        var json = FreePortTopology.Load(topology);
        json["orderers"]!["batch"] = new JsonObject
        {
            ["timeout"] = batchTimeout,
            ["maxMessageCount"] = maxMessageCount,
            ["absoluteMaxBytes"] = absoluteMaxBytes,
            ["preferredMaxBytes"] = preferredMaxBytes,
        };
        if (orderers is { } keep && json["orderers"]!["nodes"] is JsonArray nodes)
        {
            while (nodes.Count > keep)
            {
                nodes.RemoveAt(nodes.Count - 1);
            }
        }

        var topologyFile = Path.Combine(root, "test-topology.json");
        File.WriteAllText(topologyFile, json.ToJsonString());
        var result = NetworkGenerator.Generate(topologyFile, Path.Combine(root, "net"), new GenerationOptions { TlsEnabled = tls });
        return new TestNetwork(Path.Combine(root, "net"), result);
    }

    public string NodeConfig(string node) => Path.Combine(Root, OutputLayout.NodeConfig(node));

    public NodeConfigFile Config(string node) => NodeConfigFile.Load(NodeConfig(node));

    /// <summary>A client (doctor) identity of the first org: a channel writer and reader.</summary>
    public SigningIdentity Client() => User(Topology.Orgs[0], "doctor1");

    /// <summary>The first org's peer: a channel reader but not a writer.</summary>
    public SigningIdentity Peer()
    {
        var org = Topology.Orgs[0];
        var msp = Path.Combine(Root, OutputLayout.PeerDirectory(OutputLayout.PeerOrgDirectory(org.Domain), org.HostNameOf(org.Peers[0])), "msp");
        return SigningIdentity.FromMspFolder(msp, org.MspId);
    }

    /// <summary>A client of the first org whose certificate, issued by the org's real CA, expired yesterday.</summary>
    public SigningIdentity ExpiredClient()
    {
        var org = Topology.Orgs[0];
        var caDirectory = Path.Combine(Root, OutputLayout.CaDirectory(OutputLayout.PeerOrgDirectory(org.Domain)));
        var credential = Credential.FromPem(
            File.ReadAllText(Path.Combine(caDirectory, $"ca.{org.Domain}-cert.pem")),
            File.ReadAllText(Path.Combine(caDirectory, "priv_sk")));
        using var ca = Ceiba.Network.Msp.CertificateAuthority.FromCredential(credential);
        var expired = ca.IssueIdentity("expired-doctor", NodeOURole.Client, new IssueOptions { NotBefore = DateTimeOffset.UtcNow.AddDays(-2), Validity = TimeSpan.FromDays(1) });
        return SigningIdentity.FromCredential(org.MspId, expired);
    }

    public string OrdererTlsCa => Path.Combine(Root, Config(OrdererNames[0]).Orderers[0].TlsCaCert);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
            // A node still holding a file: the temp directory is left behind.
        }
    }

    /// <summary>The MSP folder of the first org's first doctor (signcerts/, keystore/).</summary>
    public string ClientMspDirectory() => UserMsp(Topology.Orgs[0], "doctor1");

    private SigningIdentity User(Organization org, string prefix) => SigningIdentity.FromMspFolder(UserMsp(org, prefix), org.MspId);

    private string UserMsp(Organization org, string prefix)
    {
        var users = Path.Combine(Root, OutputLayout.PeerOrgDirectory(org.Domain), "users");
        var user = Directory.GetDirectories(users).First(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal));
        return Path.Combine(user, "msp");
    }
}
