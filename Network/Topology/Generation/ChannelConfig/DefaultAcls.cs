using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Topology.Generation.ChannelConfig;

/// <summary>The default application ACLs of Fabric 2.5's sample configtx.yaml.</summary>
public static class DefaultAcls
{
    private const string Readers = "/Channel/Application/Readers";
    private const string Writers = "/Channel/Application/Writers";
    private const string Admins = "/Channel/Application/Admins";

    /// <summary>Resource name to policy path.</summary>
    public static IReadOnlyDictionary<string, string> Entries { get; } = new Dictionary<string, string>
    {
        ["_lifecycle/CheckCommitReadiness"] = Writers,
        ["_lifecycle/CommitChaincodeDefinition"] = Writers,
        ["_lifecycle/QueryChaincodeDefinition"] = Writers,
        ["_lifecycle/QueryChaincodeDefinitions"] = Writers,
        ["lscc/ChaincodeExists"] = Readers,
        ["lscc/GetDeploymentSpec"] = Readers,
        ["lscc/GetChaincodeData"] = Readers,
        ["lscc/GetInstantiatedChaincodes"] = Readers,
        ["qscc/GetChainInfo"] = Readers,
        ["qscc/GetBlockByNumber"] = Readers,
        ["qscc/GetBlockByHash"] = Readers,
        ["qscc/GetTransactionByID"] = Readers,
        ["qscc/GetBlockByTxID"] = Readers,
        ["cscc/GetConfigBlock"] = Readers,
        ["cscc/GetChannelConfig"] = Readers,
        ["peer/Propose"] = Writers,
        ["peer/ChaincodeToChaincode"] = Writers,
        ["event/Block"] = Readers,
        ["event/FilteredBlock"] = Readers,
        ["snapshot/submitrequest"] = Admins,
        ["snapshot/cancelrequest"] = Admins,
        ["snapshot/listpending"] = Admins,
    };

    /// <summary>The ACLs config value.</summary>
    public static ACLs Build()
    {
        var acls = new ACLs();
        foreach (var (resource, policy) in Entries)
        {
            acls.Acls[resource] = new APIResource { PolicyRef = policy };
        }
        return acls;
    }
}
