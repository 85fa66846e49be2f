namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// What the network setup container does, with every path as the tools container sees it. Built by
/// <see cref="NetworkSetupPlanFactory"/> and rendered to bash by <see cref="NetworkSetupScript"/>.
/// </summary>
/// <param name="Topology">The topology's name.</param>
/// <param name="OrdererAddress">The orderer that approve and commit transactions are sent to (host:port).</param>
/// <param name="OrdererTlsCa">The orderer org's TLS CA certificate.</param>
/// <param name="OrdererAdminTlsCert">The orderer org admin's TLS client certificate, for osnadmin.</param>
/// <param name="OrdererAdminTlsKey">The orderer org admin's TLS client key, for osnadmin.</param>
public sealed record NetworkSetupPlan(
    string Topology,
    string OrdererAddress,
    string OrdererTlsCa,
    string OrdererAdminTlsCert,
    string OrdererAdminTlsKey,
    IReadOnlyList<SetupOrderer> Orderers,
    IReadOnlyList<SetupOrg> Orgs,
    IReadOnlyList<SetupChannel> Channels,
    IReadOnlyList<SetupChaincode> Chaincodes);

/// <summary>An ordering node and its channel participation (admin) endpoint.</summary>
public sealed record SetupOrderer(string Name, string AdminAddress);

/// <summary>A peer organization: its admin MSP (which signs joins and lifecycle transactions) and its peers.</summary>
public sealed record SetupOrg(string Name, string MspId, string AdminMsp, IReadOnlyList<SetupPeer> Peers);

/// <summary>A peer: its resource name, address (host name:port) and the TLS CA its certificate chains to.</summary>
public sealed record SetupPeer(string Name, string Address, string TlsCa);

/// <summary>A channel, its genesis block, and the MSP IDs of its member orgs.</summary>
public sealed record SetupChannel(string Name, string GenesisBlock, IReadOnlyList<string> OrgMspIds);

/// <summary>A chaincode definition to approve and commit, and each member org's package (none when the org runs no server).</summary>
/// <param name="DefinitionFlags">Version, endorsement policy and <c>--init-required</c>: the flags every org approves identically.</param>
/// <param name="Packages">The org's package, by MSP ID.</param>
public sealed record SetupChaincode(
    string Name,
    string Channel,
    long Sequence,
    IReadOnlyList<string> DefinitionFlags,
    IReadOnlyDictionary<string, CcaasPackageFile> Packages);
