namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// The official Hyperledger Fabric images the <c>fabric</c> runtime starts, pinned to released patch versions so a
/// run is repeatable: never <c>latest</c>. Fabric 2.5.16 (2026-06-18) and Fabric CA 1.5.22 (2026-07-29) are the newest
/// patches whose release notes exist upstream.
/// </summary>
public static class FabricContainerImageTags
{
    /// <summary>Docker Hub, where the Hyperledger project publishes its images.</summary>
    public const string Registry = "docker.io";

    /// <summary>The ordering service node.</summary>
    public const string OrdererImage = "hyperledger/fabric-orderer";

    /// <summary>The peer; the 2.5 image ships the CCaaS external builder in <c>/opt/hyperledger/ccaas_builder</c>.</summary>
    public const string PeerImage = "hyperledger/fabric-peer";

    /// <summary>The certificate authority server.</summary>
    public const string CaImage = "hyperledger/fabric-ca";

    /// <summary>The command-line tools (peer, osnadmin, configtxlator) used by the one-shot network setup container.</summary>
    public const string ToolsImage = "hyperledger/fabric-tools";

    /// <summary>The tag of the orderer, peer and tools images.</summary>
    public const string FabricTag = "2.5.16";

    /// <summary>The tag of the CA image.</summary>
    public const string CaTag = "1.5.22";
}
