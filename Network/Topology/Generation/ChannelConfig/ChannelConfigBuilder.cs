using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using static Ceiba.Network.Protos.Common.MSPRole.Types;
using EtcdRaft = Ceiba.Network.Protos.Orderer.EtcdRaft;

namespace Ceiba.Network.Topology.Generation.ChannelConfig;

using ConsensusType = Ceiba.Network.Protos.Orderer.ConsensusType;

/// <summary>
/// Builds a Fabric 2.x channel configuration in channel-participation style (no system channel),
/// with the group, value and policy names configtxgen produces.
/// </summary>
public static class ChannelConfigBuilder
{
    /// <summary>The hashing structure width configtxgen writes (math.MaxUint32).</summary>
    private const uint BlockDataHashingWidth = uint.MaxValue;

    /// <summary>The root "Channel" group of the channel's configuration.</summary>
    public static ConfigGroup Build(ChannelConfigSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ConfigTree.NewGroup()
            .WithValue(ConfigKeys.HashingAlgorithm, new HashingAlgorithm { Name = "SHA256" })
            .WithValue(ConfigKeys.BlockDataHashingStructure, new BlockDataHashingStructure { Width = BlockDataHashingWidth })
            .WithCapabilities(ConfigKeys.ChannelCapability)
            .WithStandardImplicitMetaPolicies()
            .WithGroup(ConfigKeys.OrdererGroup, OrdererGroup(spec))
            .WithGroup(ConfigKeys.ApplicationGroup, ApplicationGroup(spec));
    }

    private static ConfigGroup OrdererGroup(ChannelConfigSpec spec)
    {
        var orderer = spec.Orderer;
        var group = ConfigTree.NewGroup()
            .WithValue(ConfigKeys.ConsensusType, new ConsensusType { Type = "etcdraft", Metadata = RaftMetadata(orderer).ToByteString() })
            .WithValue(ConfigKeys.BatchSize, new BatchSize
            {
                MaxMessageCount = orderer.MaxMessageCount,
                AbsoluteMaxBytes = orderer.AbsoluteMaxBytes,
                PreferredMaxBytes = orderer.PreferredMaxBytes,
            })
            .WithValue(ConfigKeys.BatchTimeout, new BatchTimeout { Timeout = DurationText.Format(orderer.BatchTimeout) })
            .WithValue(ConfigKeys.ChannelRestrictions, new ChannelRestrictions())
            .WithCapabilities(ConfigKeys.OrdererCapability)
            .WithStandardImplicitMetaPolicies()
            .WithPolicy(ConfigKeys.BlockValidation, PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Any, ConfigKeys.Writers));

        foreach (var org in spec.OrdererOrgs)
        {
            var endpoints = new OrdererAddresses();
            endpoints.Addresses.AddRange(org.OrdererEndpoints.Select(e => e.ToString()));
            group.WithGroup(org.MspId, OrgGroup(org)
                .WithValue(ConfigKeys.Endpoints, endpoints)
                .WithPolicy(ConfigKeys.Readers, PolicyEncoding.Signature(PolicyEncoding.AnyOf(org.MspId, MSPRoleType.Member)))
                .WithPolicy(ConfigKeys.Writers, PolicyEncoding.Signature(PolicyEncoding.AnyOf(org.MspId, MSPRoleType.Member)))
                .WithPolicy(ConfigKeys.Admins, PolicyEncoding.Signature(PolicyEncoding.AnyOf(org.MspId, MSPRoleType.Admin))));
        }
        return group;
    }

    private static ConfigGroup ApplicationGroup(ChannelConfigSpec spec)
    {
        var group = ConfigTree.NewGroup()
            .WithValue(ConfigKeys.Acls, DefaultAcls.Build())
            .WithCapabilities(ConfigKeys.ApplicationCapability)
            .WithStandardImplicitMetaPolicies()
            .WithPolicy(ConfigKeys.LifecycleEndorsement, PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Majority, ConfigKeys.Endorsement))
            .WithPolicy(ConfigKeys.Endorsement, PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Majority, ConfigKeys.Endorsement));

        foreach (var org in spec.ApplicationOrgs)
        {
            var orgGroup = OrgGroup(org)
                .WithPolicy(ConfigKeys.Readers, PolicyEncoding.Signature(PolicyEncoding.AnyOf(org.MspId, MSPRoleType.Admin, MSPRoleType.Peer, MSPRoleType.Client)))
                .WithPolicy(ConfigKeys.Writers, PolicyEncoding.Signature(PolicyEncoding.AnyOf(org.MspId, MSPRoleType.Admin, MSPRoleType.Client)))
                .WithPolicy(ConfigKeys.Admins, PolicyEncoding.Signature(PolicyEncoding.AnyOf(org.MspId, MSPRoleType.Admin)))
                .WithPolicy(ConfigKeys.Endorsement, PolicyEncoding.Signature(PolicyEncoding.AnyOf(org.MspId, MSPRoleType.Peer)));
            if (org.AnchorPeers.Count > 0)
            {
                var anchors = new AnchorPeers();
                anchors.AnchorPeers_.AddRange(org.AnchorPeers.Select(a => new AnchorPeer { Host = a.Host, Port = a.Port }));
                orgGroup.WithValue(ConfigKeys.AnchorPeers, anchors);
            }
            group.WithGroup(org.MspId, orgGroup);
        }
        return group;
    }

    private static ConfigGroup OrgGroup(OrgConfigSpec org) =>
        ConfigTree.NewGroup().WithValue(ConfigKeys.Msp, new MSPConfig { Type = 0, Config = org.Msp.ToByteString() });

    private static EtcdRaft.ConfigMetadata RaftMetadata(OrdererConfigSpec orderer)
    {
        var options = orderer.RaftOptions;
        var metadata = new EtcdRaft.ConfigMetadata
        {
            Options = new EtcdRaft.Options
            {
                TickInterval = DurationText.Format(options.TickInterval),
                ElectionTick = options.ElectionTick,
                HeartbeatTick = options.HeartbeatTick,
                MaxInflightBlocks = options.MaxInflightBlocks,
                SnapshotIntervalSize = options.SnapshotIntervalSize,
            },
        };
        metadata.Consenters.AddRange(orderer.Consenters.Select(c => new EtcdRaft.Consenter
        {
            Host = c.Host,
            Port = (uint)c.Port,
            ClientTlsCert = ByteString.CopyFrom(c.ClientTlsCertPem),
            ServerTlsCert = ByteString.CopyFrom(c.ServerTlsCertPem),
        }));
        return metadata;
    }
}
