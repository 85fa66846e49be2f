namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// Where things live inside the containers, and where the <c>fabric</c> runtime keeps its own files in the generated
/// network folder (relative to the network root, next to <c>organizations/</c> and <c>channel-artifacts/</c>).
/// </summary>
public static class ContainerPaths
{
    /// <summary>A peer's or orderer's local MSP folder (signcerts, keystore, cacerts, config.yaml).</summary>
    public const string NodeMsp = "/etc/hyperledger/fabric/msp";

    /// <summary>A peer's or orderer's TLS folder (ca.crt, server.crt, server.key).</summary>
    public const string NodeTls = "/etc/hyperledger/fabric/tls";

    /// <summary>The node's TLS server certificate.</summary>
    public const string NodeTlsCertificate = NodeTls + "/server.crt";

    /// <summary>The node's TLS private key.</summary>
    public const string NodeTlsKey = NodeTls + "/server.key";

    /// <summary>The node's TLS CA certificate (the org's TLS CA).</summary>
    public const string NodeTlsCa = NodeTls + "/ca.crt";

    /// <summary>Ledgers, Raft write-ahead logs and snapshots; the only writable mount of a node.</summary>
    public const string Production = "/var/hyperledger/production";

    /// <summary>The CA server's home: its database and the configuration file it writes on first start.</summary>
    public const string CaHome = "/var/hyperledger/fabric-ca-server";

    /// <summary>The org's CA certificate and key (the generated <c>ca/</c> folder).</summary>
    public const string CaCrypto = "/etc/hyperledger/fabric-ca-server-config/ca";

    /// <summary>The CA server's TLS folder (the generated <c>ca/tls/</c> folder).</summary>
    public const string CaTls = "/etc/hyperledger/fabric-ca-server-config/tls";

    /// <summary>Where the peer image ships the chaincode-as-a-service external builder.</summary>
    public const string CcaasBuilder = "/opt/hyperledger/ccaas_builder";

    /// <summary>The generated network folder as the tools container sees it (only organizations/ and channel-artifacts/ are mounted).</summary>
    public const string ToolsNetworkRoot = "/opt/ceiba/network";

    /// <summary>The setup script and chaincode packages as the tools container sees them.</summary>
    public const string ToolsSetup = "/opt/ceiba/setup";

    /// <summary>The runtime's own folder in the network root.</summary>
    public static readonly string FabricDirectory = "fabric";

    /// <summary>The folder mounted into the tools container: the setup script and the chaincode packages.</summary>
    public static readonly string SetupDirectory = Path.Combine(FabricDirectory, "setup");

    /// <summary>The generated network setup script.</summary>
    public static readonly string SetupScriptFile = Path.Combine(SetupDirectory, NetworkSetupScript.FileName);

    /// <summary>The CCaaS install packages, one per chaincode and organization.</summary>
    public static readonly string PackageDirectory = Path.Combine(SetupDirectory, "chaincode");

    /// <summary>Generated secrets (CA bootstrap passwords); never mounted into a container.</summary>
    public static readonly string SecretsDirectory = Path.Combine(FabricDirectory, "secrets");

    /// <summary>
    /// The host folder for a node's ledger: <c>data/fabric/&lt;name&gt;</c>, apart from the embedded runtime's
    /// <c>data/&lt;name&gt;</c> so the two runtimes never read each other's ledgers.
    /// </summary>
    public static string DataDirectory(string nodeName)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        return Path.Combine("data", FabricDirectory, nodeName);
    }

    /// <summary>The path inside the tools container of <paramref name="relative"/>, a path relative to the network root.</summary>
    public static string InToolsContainer(string relative)
    {
        ArgumentException.ThrowIfNullOrEmpty(relative);
        return Unix(ToolsNetworkRoot, relative);
    }

    /// <summary>The path inside the tools container of <paramref name="relative"/>, a path relative to <see cref="SetupDirectory"/>.</summary>
    public static string InToolsSetup(string relative)
    {
        ArgumentException.ThrowIfNullOrEmpty(relative);
        return Unix(ToolsSetup, relative);
    }

    private static string Unix(string root, string relative) =>
        $"{root}/{relative.Replace('\\', '/').TrimStart('/')}";
}
