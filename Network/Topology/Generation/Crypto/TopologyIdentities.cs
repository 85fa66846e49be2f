using Ceiba.Network.Msp;

namespace Ceiba.Network.Topology.Generation.Crypto;

/// <summary>The identities a topology enrolls: each org's nodes, its admin, and every hospital's admins and doctors.</summary>
public static class TopologyIdentities
{
    /// <summary>A peer org's identities. Hospital users carry <c>role</c>, <c>hospital</c> and <c>province</c> attributes.</summary>
    public static IReadOnlyList<IdentitySpec> ForPeerOrg(Organization org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var province = new Dictionary<string, string> { [CeibaAttributes.Province] = org.Province.Code };
        var identities = new List<IdentitySpec>();
        identities.AddRange(org.Peers.Select(p => new IdentitySpec(org.HostNameOf(p), p.Name, NodeOURole.Peer, IsNode: true, province)));
        identities.Add(new IdentitySpec(AdminName(org.Domain), AdminLocalName, NodeOURole.Admin, IsNode: false,
            new Dictionary<string, string>(province) { [CeibaAttributes.Role] = CeibaAttributes.AdminRole }));
        foreach (var hospital in org.Hospitals)
        {
            identities.AddRange(HospitalUsers(org, hospital, CeibaAttributes.AdminRole, hospital.Users.Admins));
            identities.AddRange(HospitalUsers(org, hospital, CeibaAttributes.DoctorRole, hospital.Users.Doctors));
        }
        return identities;
    }

    /// <summary>The orderer org's identities: its ordering nodes and its admin.</summary>
    public static IReadOnlyList<IdentitySpec> ForOrdererOrg(OrdererCluster orderers)
    {
        ArgumentNullException.ThrowIfNull(orderers);
        var none = new Dictionary<string, string>();
        return
        [
            .. orderers.Nodes.Select(n => new IdentitySpec(orderers.HostNameOf(n), n.Name, NodeOURole.Orderer, IsNode: true, none)),
            new IdentitySpec(AdminName(orderers.Org.Domain), AdminLocalName, NodeOURole.Admin, IsNode: false, none),
        ];
    }

    /// <summary>The org admin's name, as cryptogen names it: <c>Admin@habana.ceiba.local</c>.</summary>
    public static string AdminName(string domain) => $"{AdminLocalName}@{domain}";

    private const string AdminLocalName = "Admin";

    /// <summary>A hospital user's name, e.g. <c>doctor1.hab-ameijeiras@habana.ceiba.local</c>.</summary>
    public static string HospitalUserName(string appRole, int index, string hospitalId, string domain) =>
        $"{HospitalUserLocalName(appRole, index, hospitalId)}@{domain}";

    private static string HospitalUserLocalName(string appRole, int index, string hospitalId) => $"{appRole}{index}.{hospitalId}";

    private static IEnumerable<IdentitySpec> HospitalUsers(Organization org, Hospital hospital, string appRole, int count) =>
        Enumerable.Range(1, count).Select(i => new IdentitySpec(
            HospitalUserName(appRole, i, hospital.Id, org.Domain),
            HospitalUserLocalName(appRole, i, hospital.Id),
            NodeOURole.Client,
            IsNode: false,
            new Dictionary<string, string>
            {
                [CeibaAttributes.Role] = appRole,
                [CeibaAttributes.Hospital] = hospital.Id,
                [CeibaAttributes.Province] = org.Province.Code,
            }));
}
