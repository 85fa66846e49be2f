using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Topology.Generation.ChannelConfig;
using Google.Protobuf;
using static Ceiba.Network.Protos.Common.MSPRole.Types;

namespace Ceiba.Benchmarks.PeerCommit;

/// <summary>A channel configuration over one application org (HabanaMSP) and one orderer org, with their CAs.</summary>
internal sealed class BenchChannel : IDisposable
{
    private readonly CertificateAuthority _org = CertificateAuthority.CreateRoot("ca.habana", "HabanaMSP");
    private readonly CertificateAuthority _orderer = CertificateAuthority.CreateRoot("ca.orderer", "OrdererMSP");

    public SigningIdentity Issue(bool orderer, NodeOURole role) =>
        orderer
            ? SigningIdentity.FromCredential("OrdererMSP", _orderer.IssueIdentity($"orderer-{Guid.NewGuid():N}", role))
            : SigningIdentity.FromCredential("HabanaMSP", _org.IssueIdentity($"{role}-{Guid.NewGuid():N}", role));

    public ConfigGroup Group()
    {
        var application = Meta();
        application.Groups["HabanaMSP"] = Org("HabanaMSP", _org, [MSPRoleType.Admin, MSPRoleType.Peer, MSPRoleType.Client], [MSPRoleType.Admin, MSPRoleType.Client]);
        var orderer = Meta();
        orderer.Groups["OrdererMSP"] = Org("OrdererMSP", _orderer, [MSPRoleType.Member], [MSPRoleType.Member]);
        orderer.Policies["BlockValidation"] = new ConfigPolicy { Policy = PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Any, "Writers") };
        var channel = Meta();
        channel.Groups["Application"] = application;
        channel.Groups["Orderer"] = orderer;
        return channel;
    }

    public void Dispose()
    {
        _org.Dispose();
        _orderer.Dispose();
    }

    private static ConfigGroup Org(string mspId, CertificateAuthority ca, MSPRoleType[] readers, MSPRoleType[] writers)
    {
        var group = new ConfigGroup();
        group.Values["MSP"] = new ConfigValue { Value = new MSPConfig { Type = 0, Config = MspConfigFactory.Create(mspId, ca.Certificate, ca.Certificate).ToByteString() }.ToByteString() };
        group.Policies["Readers"] = new ConfigPolicy { Policy = PolicyEncoding.Signature(PolicyEncoding.AnyOf(mspId, readers)) };
        group.Policies["Writers"] = new ConfigPolicy { Policy = PolicyEncoding.Signature(PolicyEncoding.AnyOf(mspId, writers)) };
        group.Policies["Endorsement"] = new ConfigPolicy { Policy = PolicyEncoding.Signature(PolicyEncoding.AnyOf(mspId, MSPRoleType.Peer)) };
        return group;
    }

    private static ConfigGroup Meta()
    {
        var group = new ConfigGroup();
        group.Policies["Readers"] = new ConfigPolicy { Policy = PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Any, "Readers") };
        group.Policies["Writers"] = new ConfigPolicy { Policy = PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Any, "Writers") };
        return group;
    }
}
