using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Topology.Generation.ChannelConfig;
using Google.Protobuf;
using static Ceiba.Network.Protos.Common.MSPRole.Types;

namespace Ceiba.Testing.Fabric;

/// <summary>Throw-away organizations with NodeOU-enabled CAs, and a channel config tree over them.</summary>
public sealed class TestOrgs : IDisposable
{
    private readonly Dictionary<string, CertificateAuthority> _cas = new(StringComparer.Ordinal);

    public TestOrgs(params string[] mspIds)
    {
        foreach (var mspId in mspIds)
        {
            _cas[mspId] = CertificateAuthority.CreateRoot($"ca.{mspId.ToLowerInvariant()}", mspId);
        }
    }

    public SigningIdentity Issue(string mspId, NodeOURole role, string? name = null)
    {
        var credential = _cas[mspId].IssueIdentity(name ?? $"{role}-{Guid.NewGuid():N}", role);
        return SigningIdentity.FromCredential(mspId, credential);
    }

    /// <summary>A /Channel tree with Application orgs (Readers: admin|peer|client, Writers: admin|client, Endorsement: peer; MAJORITY Endorsement) and Orderer orgs (member), and implicit-meta ANY Readers/Writers, MAJORITY Admins.</summary>
    public ConfigGroup ChannelGroup(IEnumerable<string> applicationOrgs, IEnumerable<string> ordererOrgs)
    {
        var application = MetaGroup();
        foreach (var mspId in applicationOrgs)
        {
            application.Groups[mspId] = OrgGroup(mspId,
                readers: [MSPRoleType.Admin, MSPRoleType.Peer, MSPRoleType.Client],
                writers: [MSPRoleType.Admin, MSPRoleType.Client]);
        }

        var orderer = MetaGroup();
        foreach (var mspId in ordererOrgs)
        {
            orderer.Groups[mspId] = OrgGroup(mspId, readers: [MSPRoleType.Member], writers: [MSPRoleType.Member]);
        }

        application.Policies["Endorsement"] = new ConfigPolicy { Policy = PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Majority, "Endorsement") };
        orderer.Policies["BlockValidation"] = new ConfigPolicy { Policy = PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Any, "Writers") };
        var channel = MetaGroup();
        channel.Groups["Application"] = application;
        channel.Groups["Orderer"] = orderer;
        return channel;
    }

    public void Dispose()
    {
        foreach (var ca in _cas.Values)
        {
            ca.Dispose();
        }
    }

    private ConfigGroup OrgGroup(string mspId, MSPRoleType[] readers, MSPRoleType[] writers)
    {
        var ca = _cas[mspId].Certificate;
        var group = new ConfigGroup();
        group.Values["MSP"] = new ConfigValue { Value = new MSPConfig { Type = 0, Config = MspConfigFactory.Create(mspId, ca, ca).ToByteString() }.ToByteString() };
        group.Policies["Readers"] = new ConfigPolicy { Policy = PolicyEncoding.Signature(PolicyEncoding.AnyOf(mspId, readers)) };
        group.Policies["Writers"] = new ConfigPolicy { Policy = PolicyEncoding.Signature(PolicyEncoding.AnyOf(mspId, writers)) };
        group.Policies["Admins"] = new ConfigPolicy { Policy = PolicyEncoding.Signature(PolicyEncoding.AnyOf(mspId, MSPRoleType.Admin)) };
        group.Policies["Endorsement"] = new ConfigPolicy { Policy = PolicyEncoding.Signature(PolicyEncoding.AnyOf(mspId, MSPRoleType.Peer)) };
        return group;
    }

    private static ConfigGroup MetaGroup()
    {
        var group = new ConfigGroup();
        group.Policies["Readers"] = new ConfigPolicy { Policy = PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Any, "Readers") };
        group.Policies["Writers"] = new ConfigPolicy { Policy = PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Any, "Writers") };
        group.Policies["Admins"] = new ConfigPolicy { Policy = PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Majority, "Admins") };
        return group;
    }
}
