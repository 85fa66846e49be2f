namespace Ceiba.Network.Topology.Generation;

/// <summary>
/// Where generated material lives, relative to the output root. Crypto material follows cryptogen's layout
/// (<c>organizations/peerOrganizations/&lt;domain&gt;/peers/&lt;host&gt;/msp</c>) so Fabric's own binaries can load it.
/// </summary>
public sealed class OutputLayout(string root)
{
    public const string TopologyFileName = "topology.json";

    /// <summary>The output root directory (absolute).</summary>
    public string Root { get; } = Path.GetFullPath(root);

    public string TopologyFile => Path.Combine(Root, TopologyFileName);

    public static string PeerOrgDirectory(string domain) => Path.Combine("organizations", "peerOrganizations", domain);

    public static string OrdererOrgDirectory(string domain) => Path.Combine("organizations", "ordererOrganizations", domain);

    public static string CaDirectory(string orgDirectory) => Path.Combine(orgDirectory, "ca");

    public static string TlsCaDirectory(string orgDirectory) => Path.Combine(orgDirectory, "tlsca");

    public static string OrgMspDirectory(string orgDirectory) => Path.Combine(orgDirectory, "msp");

    public static string PeerDirectory(string orgDirectory, string hostName) => Path.Combine(orgDirectory, "peers", hostName);

    public static string OrdererDirectory(string orgDirectory, string hostName) => Path.Combine(orgDirectory, "orderers", hostName);

    public static string UserDirectory(string orgDirectory, string userName) => Path.Combine(orgDirectory, "users", userName);

    public static string GenesisBlock(string channel) => Path.Combine("channel-artifacts", $"{channel}.block");

    public static string NodeConfig(string resourceName) => Path.Combine("nodes", $"{resourceName}.json");

    public static string ConnectionProfile(string orgName) => $"connection-{orgName.ToLowerInvariant()}.json";

    /// <summary>The absolute path of <paramref name="relative"/>.</summary>
    public string Full(string relative) => Path.Combine(Root, relative);
}
