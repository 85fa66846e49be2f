namespace Ceiba.Network.Topology;

/// <summary>
/// A whole Fabric network as described by a topology file: provincial organizations with their peers, CA and
/// hospitals, the orderer cluster, channels, chaincodes and the emulated links between provinces.
/// </summary>
/// <remarks>Load one with <see cref="TopologyLoader"/>; a loaded topology has passed every validation rule.</remarks>
public sealed record NetworkTopology
{
    /// <summary>The topology's name, e.g. <c>cuba-3</c>; a DNS label, as it names output folders.</summary>
    public required string Name { get; init; }

    /// <summary>What the topology models, in prose.</summary>
    public string Description { get; set; } = "";

    /// <summary>The network's base DNS domain, e.g. <c>ceiba.local</c>.</summary>
    public string Domain { get; set; } = "ceiba.local";

    /// <summary>The peer organizations, one per province (or per group of hospitals).</summary>
    public required IReadOnlyList<Organization> Orgs { get; init; }

    /// <summary>The ordering service: its organization, consensus, nodes and block-cutting settings.</summary>
    public required OrdererCluster Orderers { get; init; }

    /// <summary>The application channels.</summary>
    public IReadOnlyList<ChannelDefinition> Channels { get; set; } = [];

    /// <summary>The chaincode definitions, each on one channel.</summary>
    public IReadOnlyList<ChaincodeDefinition> Chaincodes { get; set; } = [];

    /// <summary>Latency and jitter to emulate between organizations.</summary>
    public LinkSettings Links { get; set; } = new();

    /// <summary>The peer organization named <paramref name="name"/> (case-insensitive), or null.</summary>
    public Organization? FindOrg(string name) =>
        Orgs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The peer organization whose MSP ID is <paramref name="mspId"/> (case-sensitive, as in Fabric), or null.</summary>
    public Organization? FindOrgByMspId(string mspId) => Orgs.FirstOrDefault(o => o.MspId == mspId);

    /// <summary>The channel named <paramref name="name"/>, or null.</summary>
    public ChannelDefinition? FindChannel(string name) => Channels.FirstOrDefault(c => c.Name == name);

    /// <summary>The hospital with id <paramref name="hospitalId"/> and the organization it belongs to, or null.</summary>
    public HospitalSite? FindHospital(string hospitalId) =>
        GetHospitals().FirstOrDefault(h => string.Equals(h.Hospital.Id, hospitalId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every hospital with the organization it belongs to, in file order.</summary>
    public IReadOnlyList<HospitalSite> GetHospitals() =>
        [.. Orgs.SelectMany(o => o.Hospitals.Select(h => new HospitalSite(h, o)))];

    /// <summary>The organizations that are members of <paramref name="channel"/>, in the channel's order.</summary>
    public IReadOnlyList<Organization> GetChannelOrgs(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return [.. channel.Orgs.Select(FindOrg).OfType<Organization>()];
    }

    /// <summary>
    /// Every process the network runs: orderers, then per organization its CA, peers and chaincode servers.
    /// </summary>
    public IReadOnlyList<NetworkNode> GetNodes()
    {
        var nodes = new List<NetworkNode>();
        var ordererOrg = Orderers.Org;
        if (ordererOrg.Ca is { } ordererCa)
        {
            nodes.Add(NetworkNode.ForCa(ordererOrg.Name, ordererOrg.MspId, ordererOrg.Domain, ordererCa));
        }
        nodes.AddRange(Orderers.Nodes.Select(n => NetworkNode.ForOrderer(Orderers, n)));
        foreach (var org in Orgs)
        {
            nodes.Add(NetworkNode.ForCa(org.Name, org.MspId, org.Domain, org.Ca));
            nodes.AddRange(org.Peers.Select(p => NetworkNode.ForPeer(org, p)));
            foreach (var chaincode in Chaincodes)
            {
                nodes.AddRange(chaincode.Servers
                    .Where(s => string.Equals(s.Org, org.Name, StringComparison.OrdinalIgnoreCase))
                    .Select(s => NetworkNode.ForChaincodeServer(org, chaincode, s)));
            }
        }
        return nodes;
    }

    /// <summary>
    /// The link to emulate between two organizations (peer orgs or the orderer org), in either direction:
    /// the matching pair if one is listed, otherwise <see cref="LinkSettings.Default"/>. Same org: no delay.
    /// </summary>
    public LinkProfile GetLink(string fromOrg, string toOrg) => Links.Between(fromOrg, toOrg);
}
