using Ceiba.Testing;
using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Protos.Tests.Support;
using Google.Protobuf;
using EtcdRaft = Ceiba.Network.Protos.Orderer.EtcdRaft;
using static Ceiba.Testing.NodeProtos;

namespace Ceiba.Network.Protos.Tests;

/// <summary>A genesis config block: the ConfigGroup tree with its values and policies, in both directions.</summary>
public sealed class ConfigBlockInteropTests
{
    private const string Root = "data.dataList.0.payload.data.config.channelGroup";

    [Fact]
    public async Task Config_block_from_csharp_decodes_in_node_down_to_every_config_value()
    {
        // Arrange
        var bytes = ConfigSamples.GenesisBlock().ToByteArray();
        const string orderer = $"{Root}.groupsMap.Orderer";
        const string application = $"{Root}.groupsMap.Application";
        var nested = new Dictionary<string, string>
        {
            ["data.dataList.0"] = "common.Envelope",
            ["data.dataList.0.payload"] = "common.Payload",
            ["data.dataList.0.payload.header.channelHeader"] = "common.ChannelHeader",
            ["data.dataList.0.payload.data"] = "common.ConfigEnvelope",
            [$"{Root}.valuesMap.HashingAlgorithm.value"] = "common.HashingAlgorithm",
            [$"{Root}.valuesMap.BlockDataHashingStructure.value"] = "common.BlockDataHashingStructure",
            [$"{Root}.valuesMap.OrdererAddresses.value"] = "common.OrdererAddresses",
            [$"{Root}.valuesMap.Capabilities.value"] = "common.Capabilities",
            [$"{Root}.policiesMap.*.policy.value"] = "common.ImplicitMetaPolicy",
            [$"{orderer}.valuesMap.ConsensusType.value"] = "orderer.ConsensusType",
            [$"{orderer}.valuesMap.ConsensusType.value.metadata"] = "etcdraft.ConfigMetadata",
            [$"{orderer}.valuesMap.BatchSize.value"] = "orderer.BatchSize",
            [$"{orderer}.valuesMap.BatchTimeout.value"] = "orderer.BatchTimeout",
            [$"{orderer}.policiesMap.BlockValidation.policy.value"] = "common.ImplicitMetaPolicy",
            [$"{orderer}.groupsMap.*.valuesMap.MSP.value"] = "msp.MSPConfig",
            [$"{orderer}.groupsMap.*.valuesMap.MSP.value.config"] = "msp.FabricMSPConfig",
            [$"{application}.valuesMap.ACLs.value"] = "protos.ACLs",
            [$"{application}.policiesMap.Endorsement.policy.value"] = "common.ImplicitMetaPolicy",
            [$"{application}.groupsMap.HabanaMSP.valuesMap.MSP.value"] = "msp.MSPConfig",
            [$"{application}.groupsMap.HabanaMSP.valuesMap.MSP.value.config"] = "msp.FabricMSPConfig",
            [$"{application}.groupsMap.HabanaMSP.valuesMap.AnchorPeers.value"] = "protos.AnchorPeers",
            [$"{application}.groupsMap.HabanaMSP.policiesMap.Endorsement.policy.value"] = "common.SignaturePolicyEnvelope",
            [$"{application}.groupsMap.HabanaMSP.policiesMap.Endorsement.policy.value.identitiesList.*.principal"] = "common.MSPRole",
        };

        // Act
        var node = await DecodeAsync("common.Block", bytes, nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(0, node.Long("header.number"));
        Assert.Equal("", node.Str("header.previousHash"));
        Assert.Equal((int)HeaderType.Config, node.Long("data.dataList.0.payload.header.channelHeader.type"));
        Assert.Equal(Samples.Channel, node.Str("data.dataList.0.payload.header.channelHeader.channelId"));
        Assert.Equal(0, node.Long("data.dataList.0.payload.data.config.sequence"));

        var root = node.At(Root);
        Assert.Equal("Admins", root.Str("modPolicy"));
        Assert.Equal(["Application", "Orderer"], root.At("groupsMap").AsObject().Select(g => g.Key).Order());
        Assert.Equal("SHA256", root.Str("valuesMap.HashingAlgorithm.value.name"));
        Assert.Equal(uint.MaxValue, root.Long("valuesMap.BlockDataHashingStructure.value.width"));
        Assert.Equal("orderer0.ehr:7050", root.Str("valuesMap.OrdererAddresses.value.addressesList.0"));
        Assert.Equal(["V2_0"], root.At("valuesMap.Capabilities.value.capabilitiesMap").AsObject().Select(c => c.Key));
        Assert.Equal("Admins", root.Str("valuesMap.HashingAlgorithm.modPolicy"));
        Assert.Equal((int)Policy.Types.PolicyType.ImplicitMeta, root.Long("policiesMap.Admins.policy.type"));
        Assert.Equal("Admins", root.Str("policiesMap.Admins.policy.value.subPolicy"));
        Assert.Equal((int)ImplicitMetaPolicy.Types.Rule.Majority, root.Long("policiesMap.Admins.policy.value.rule"));
        Assert.Equal((int)ImplicitMetaPolicy.Types.Rule.Any, root.Long("policiesMap.Readers.policy.value.rule"));

        var ordererGroup = root.At("groupsMap.Orderer");
        var consensus = ordererGroup.At("valuesMap.ConsensusType.value");
        Assert.Equal("etcdraft", consensus.Str("type"));
        Assert.Equal((int)ConsensusType.Types.State.Normal, consensus.Long("state"));
        Assert.Equal("orderer0.ehr", consensus.Str("metadata.consentersList.0.host"));
        Assert.Equal(7050, consensus.Long("metadata.consentersList.0.port"));
        Assert.Equal(ConfigSamples.OrdererTlsPem, consensus.Utf8("metadata.consentersList.0.serverTlsCert"));
        Assert.Equal(ConfigSamples.OrdererTlsPem, consensus.Utf8("metadata.consentersList.0.clientTlsCert"));
        Assert.Equal("500ms", consensus.Str("metadata.options.tickInterval"));
        Assert.Equal(10, consensus.Long("metadata.options.electionTick"));
        Assert.Equal(1, consensus.Long("metadata.options.heartbeatTick"));
        Assert.Equal(5, consensus.Long("metadata.options.maxInflightBlocks"));
        Assert.Equal(16 * 1024 * 1024, consensus.Long("metadata.options.snapshotIntervalSize"));
        Assert.Equal(10, ordererGroup.Long("valuesMap.BatchSize.value.maxMessageCount"));
        Assert.Equal(ConfigSamples.AbsoluteMaxBytes, ordererGroup.Long("valuesMap.BatchSize.value.absoluteMaxBytes"));
        Assert.Equal(ConfigSamples.PreferredMaxBytes, ordererGroup.Long("valuesMap.BatchSize.value.preferredMaxBytes"));
        Assert.Equal("2s", ordererGroup.Str("valuesMap.BatchTimeout.value.timeout"));
        Assert.Equal("Writers", ordererGroup.Str("policiesMap.BlockValidation.policy.value.subPolicy"));
        Assert.Equal("OrdererMSP", ordererGroup.Str("groupsMap.OrdererMSP.valuesMap.MSP.value.config.name"));

        var habana = root.At("groupsMap.Application.groupsMap.HabanaMSP");
        Assert.Equal("/Channel/Application/Writers", root.Str("groupsMap.Application.valuesMap.ACLs.value.aclsMap.peer/Propose.policyRef"));
        Assert.Equal("/Channel/Application/Readers", root.Str("groupsMap.Application.valuesMap.ACLs.value.aclsMap.qscc/GetChainInfo.policyRef"));
        Assert.Equal("Endorsement", root.Str("groupsMap.Application.policiesMap.Endorsement.policy.value.subPolicy"));
        Assert.Equal("peer0.habana", habana.Str("valuesMap.AnchorPeers.value.anchorPeersList.0.host"));
        Assert.Equal(7051, habana.Long("valuesMap.AnchorPeers.value.anchorPeersList.0.port"));
        var msp = habana.At("valuesMap.MSP.value");
        Assert.Equal(0, msp.Long("type"));
        Assert.Equal("HabanaMSP", msp.Str("config.name"));
        Assert.Equal(ConfigSamples.CaPem, msp.Utf8("config.rootCertsList.0"));
        Assert.Equal(ConfigSamples.TlsCaPem, msp.Utf8("config.tlsRootCertsList.0"));
        Assert.Equal("SHA2", msp.Str("config.cryptoConfig.signatureHashFamily"));
        Assert.Equal("SHA256", msp.Str("config.cryptoConfig.identityIdentifierHashFunction"));
        Assert.True(msp.Bool("config.fabricNodeOus.enable"));
        Assert.Equal("client", msp.Str("config.fabricNodeOus.clientOuIdentifier.organizationalUnitIdentifier"));
        Assert.Equal("peer", msp.Str("config.fabricNodeOus.peerOuIdentifier.organizationalUnitIdentifier"));
        Assert.Equal("admin", msp.Str("config.fabricNodeOus.adminOuIdentifier.organizationalUnitIdentifier"));
        Assert.Equal("orderer", msp.Str("config.fabricNodeOus.ordererOuIdentifier.organizationalUnitIdentifier"));
        Assert.Equal(ConfigSamples.CaPem, msp.Utf8("config.fabricNodeOus.peerOuIdentifier.certificate"));

        var endorsement = habana.At("policiesMap.Endorsement.policy");
        Assert.Equal((int)Policy.Types.PolicyType.Signature, endorsement.Long("type"));
        Assert.Equal(1, endorsement.Long("value.rule.nOutOf.n"));
        Assert.Equal(0, endorsement.Long("value.rule.nOutOf.rulesList.0.signedBy"));
        Assert.Equal(1, endorsement.Long("value.rule.nOutOf.rulesList.1.signedBy"));
        Assert.Equal((int)MSPPrincipal.Types.Classification.Role, endorsement.Long("value.identitiesList.1.principalClassification"));
        Assert.Equal("HabanaMSP", endorsement.Str("value.identitiesList.1.principal.mspIdentifier"));
        Assert.Equal((int)MSPRole.Types.MSPRoleType.Member, endorsement.Long("value.identitiesList.0.principal.role"));
        Assert.Equal((int)MSPRole.Types.MSPRoleType.Peer, endorsement.Long("value.identitiesList.1.principal.role"));
    }

    [Fact]
    public async Task Config_block_built_in_node_is_byte_identical_and_reads_back_in_csharp()
    {
        // Arrange
        var config = new JsonObject
        {
            ["sequence"] = 0,
            ["channelGroup"] = Group(
                groups: new JsonObject { ["Application"] = ApplicationGroup(), ["Orderer"] = OrdererGroup() },
                values: new JsonObject
                {
                    ["BlockDataHashingStructure"] = Value("common.BlockDataHashingStructure", new JsonObject { ["width"] = uint.MaxValue }),
                    ["Capabilities"] = Value("common.Capabilities", new JsonObject { ["capabilitiesMap"] = new JsonObject { ["V2_0"] = Message("common.Capability", []) } }),
                    ["HashingAlgorithm"] = Value("common.HashingAlgorithm", new JsonObject { ["name"] = "SHA256" }),
                    ["OrdererAddresses"] = Value("common.OrdererAddresses", new JsonObject { ["addressesList"] = new JsonArray("orderer0.ehr:7050") }),
                },
                policies: new JsonObject
                {
                    ["Admins"] = ImplicitMeta("Admins", 2),
                    ["Readers"] = ImplicitMeta("Readers", 0),
                    ["Writers"] = ImplicitMeta("Writers", 0),
                }),
        };
        var block = new JsonObject
        {
            ["header"] = Message("common.BlockHeader", new JsonObject { ["number"] = 0 }),
            ["data"] = Message("common.BlockData", new JsonObject
            {
                ["dataList"] = new JsonArray(Marshaled("common.Envelope", new JsonObject
                {
                    ["payload"] = Marshaled("common.Payload", new JsonObject
                    {
                        ["header"] = Message("common.Header", new JsonObject
                        {
                            ["channelHeader"] = Marshaled("common.ChannelHeader", new JsonObject
                            {
                                ["type"] = (int)HeaderType.Config,
                                ["channelId"] = Samples.Channel,
                                ["timestamp"] = Message("google.protobuf.Timestamp", new JsonObject { ["seconds"] = Samples.Time.Seconds, ["nanos"] = Samples.Time.Nanos }),
                            }),
                            ["signatureHeader"] = Marshaled("common.SignatureHeader", new JsonObject { ["nonce"] = Utf8("genesis-nonce") }),
                        }),
                        ["data"] = Marshaled("common.ConfigEnvelope", new JsonObject { ["config"] = Message("common.Config", config) }),
                    }),
                })),
            }),
            ["metadata"] = Message("common.BlockMetadata", new JsonObject { ["metadataList"] = new JsonArray(Bytes([]), Bytes([]), Bytes([]), Bytes([])) }),
        };

        // Act
        var nodeBytes = await EncodeAsync("common.Block", block, TestContext.Current.CancellationToken);
        var parsed = Block.Parser.ParseFrom(nodeBytes);

        // Assert
        Assert.Equal(ConfigSamples.GenesisBlock().ToByteArray(), nodeBytes);
        var payload = Payload.Parser.ParseFrom(Envelope.Parser.ParseFrom(parsed.Data.Data[0]).Payload);
        Assert.Equal(HeaderType.Config, (HeaderType)ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader).Type);
        var root = ConfigEnvelope.Parser.ParseFrom(payload.Data).Config.ChannelGroup;
        Assert.Equal("SHA256", HashingAlgorithm.Parser.ParseFrom(root.Values["HashingAlgorithm"].Value).Name);
        Assert.Equal(ImplicitMetaPolicy.Types.Rule.Majority, ImplicitMetaPolicy.Parser.ParseFrom(root.Policies["Admins"].Policy.Value).Rule);
        var consensus = ConsensusType.Parser.ParseFrom(root.Groups["Orderer"].Values["ConsensusType"].Value);
        Assert.Equal("etcdraft", consensus.Type);
        var raft = EtcdRaft.ConfigMetadata.Parser.ParseFrom(consensus.Metadata);
        Assert.Equal("orderer0.ehr", raft.Consenters[0].Host);
        Assert.Equal(16u * 1024 * 1024, raft.Options.SnapshotIntervalSize);
        var batch = BatchSize.Parser.ParseFrom(root.Groups["Orderer"].Values["BatchSize"].Value);
        Assert.Equal((10u, ConfigSamples.AbsoluteMaxBytes, ConfigSamples.PreferredMaxBytes), (batch.MaxMessageCount, batch.AbsoluteMaxBytes, batch.PreferredMaxBytes));
        var habana = root.Groups["Application"].Groups["HabanaMSP"];
        var msp = FabricMSPConfig.Parser.ParseFrom(MSPConfig.Parser.ParseFrom(habana.Values["MSP"].Value).Config);
        Assert.Equal("HabanaMSP", msp.Name);
        Assert.Equal("orderer", msp.FabricNodeOus.OrdererOuIdentifier.OrganizationalUnitIdentifier);
        Assert.Equal(7051, AnchorPeers.Parser.ParseFrom(habana.Values["AnchorPeers"].Value).AnchorPeers_[0].Port);
        var policy = SignaturePolicyEnvelope.Parser.ParseFrom(habana.Policies["Endorsement"].Policy.Value);
        Assert.Equal(1, policy.Rule.NOutOf.N);
        Assert.Equal(MSPRole.Types.MSPRoleType.Peer, MSPRole.Parser.ParseFrom(policy.Identities[1].Principal).Role);
        var acls = ACLs.Parser.ParseFrom(root.Groups["Application"].Values["ACLs"].Value);
        Assert.Equal("/Channel/Application/Writers", acls.Acls["peer/Propose"].PolicyRef);
    }

    private static JsonObject OrdererGroup() => Group(
        groups: new JsonObject { ["OrdererMSP"] = Organization("OrdererMSP", anchorPeer: false) },
        values: new JsonObject
        {
            ["BatchSize"] = Value("orderer.BatchSize", new JsonObject
            {
                ["maxMessageCount"] = 10,
                ["absoluteMaxBytes"] = ConfigSamples.AbsoluteMaxBytes,
                ["preferredMaxBytes"] = ConfigSamples.PreferredMaxBytes,
            }),
            ["BatchTimeout"] = Value("orderer.BatchTimeout", new JsonObject { ["timeout"] = "2s" }),
            ["ConsensusType"] = Value("orderer.ConsensusType", new JsonObject
            {
                ["type"] = "etcdraft",
                ["metadata"] = Marshaled("etcdraft.ConfigMetadata", new JsonObject
                {
                    ["consentersList"] = new JsonArray(Message("etcdraft.Consenter", new JsonObject
                    {
                        ["host"] = "orderer0.ehr",
                        ["port"] = 7050,
                        ["clientTlsCert"] = Utf8(ConfigSamples.OrdererTlsPem),
                        ["serverTlsCert"] = Utf8(ConfigSamples.OrdererTlsPem),
                    })),
                    ["options"] = Message("etcdraft.Options", new JsonObject
                    {
                        ["tickInterval"] = "500ms",
                        ["electionTick"] = 10,
                        ["heartbeatTick"] = 1,
                        ["maxInflightBlocks"] = 5,
                        ["snapshotIntervalSize"] = 16 * 1024 * 1024,
                    }),
                }),
            }),
        },
        policies: new JsonObject { ["BlockValidation"] = ImplicitMeta("Writers", 0) });

    private static JsonObject ApplicationGroup() => Group(
        groups: new JsonObject { ["HabanaMSP"] = Organization("HabanaMSP", anchorPeer: true) },
        values: new JsonObject
        {
            ["ACLs"] = Value("protos.ACLs", new JsonObject
            {
                ["aclsMap"] = new JsonObject
                {
                    ["peer/Propose"] = Message("protos.APIResource", new JsonObject { ["policyRef"] = "/Channel/Application/Writers" }),
                    ["qscc/GetChainInfo"] = Message("protos.APIResource", new JsonObject { ["policyRef"] = "/Channel/Application/Readers" }),
                },
            }),
        },
        policies: new JsonObject { ["Endorsement"] = ImplicitMeta("Endorsement", 2) });

    private static JsonObject Organization(string mspId, bool anchorPeer)
    {
        static JsonObject Ou(string name) => Message("msp.FabricOUIdentifier", new JsonObject
        {
            ["certificate"] = Utf8(ConfigSamples.CaPem),
            ["organizationalUnitIdentifier"] = name,
        });
        static JsonObject Role(string mspId, int role) => Message("common.MSPPrincipal", new JsonObject
        {
            ["principalClassification"] = 0,
            ["principal"] = Marshaled("common.MSPRole", new JsonObject { ["mspIdentifier"] = mspId, ["role"] = role }),
        });

        var values = new JsonObject();
        if (anchorPeer)
        {
            values["AnchorPeers"] = Value("protos.AnchorPeers", new JsonObject
            {
                ["anchorPeersList"] = new JsonArray(Message("protos.AnchorPeer", new JsonObject { ["host"] = "peer0.habana", ["port"] = 7051 })),
            });
        }
        values["MSP"] = Value("msp.MSPConfig", new JsonObject
        {
            ["type"] = 0,
            ["config"] = Marshaled("msp.FabricMSPConfig", new JsonObject
            {
                ["name"] = mspId,
                ["rootCertsList"] = new JsonArray(Utf8(ConfigSamples.CaPem)),
                ["cryptoConfig"] = Message("msp.FabricCryptoConfig", new JsonObject
                {
                    ["signatureHashFamily"] = "SHA2",
                    ["identityIdentifierHashFunction"] = "SHA256",
                }),
                ["tlsRootCertsList"] = new JsonArray(Utf8(ConfigSamples.TlsCaPem)),
                ["fabricNodeOus"] = Message("msp.FabricNodeOUs", new JsonObject
                {
                    ["enable"] = true,
                    ["clientOuIdentifier"] = Ou("client"),
                    ["peerOuIdentifier"] = Ou("peer"),
                    ["adminOuIdentifier"] = Ou("admin"),
                    ["ordererOuIdentifier"] = Ou("orderer"),
                }),
            }),
        });
        var endorsement = Message("common.ConfigPolicy", new JsonObject
        {
            ["policy"] = Message("common.Policy", new JsonObject
            {
                ["type"] = 1,
                ["value"] = Marshaled("common.SignaturePolicyEnvelope", new JsonObject
                {
                    ["version"] = 0,
                    ["rule"] = Message("common.SignaturePolicy", new JsonObject
                    {
                        ["nOutOf"] = Message("common.SignaturePolicy.NOutOf", new JsonObject
                        {
                            ["n"] = 1,
                            ["rulesList"] = new JsonArray(
                                Message("common.SignaturePolicy", new JsonObject { ["signedBy"] = 0 }),
                                Message("common.SignaturePolicy", new JsonObject { ["signedBy"] = 1 })),
                        }),
                    }),
                    ["identitiesList"] = new JsonArray(Role(mspId, 0), Role(mspId, 3)),
                }),
            }),
            ["modPolicy"] = "Admins",
        });
        return Group(new JsonObject(), values, new JsonObject { ["Endorsement"] = endorsement });
    }

    private static JsonObject Group(JsonObject groups, JsonObject values, JsonObject policies) => Message("common.ConfigGroup", new JsonObject
    {
        ["groupsMap"] = groups,
        ["valuesMap"] = values,
        ["policiesMap"] = policies,
        ["modPolicy"] = "Admins",
    });

    private static JsonObject Value(string type, JsonObject fields) => Message("common.ConfigValue", new JsonObject
    {
        ["value"] = Marshaled(type, fields),
        ["modPolicy"] = "Admins",
    });

    private static JsonObject ImplicitMeta(string subPolicy, int rule) => Message("common.ConfigPolicy", new JsonObject
    {
        ["policy"] = Message("common.Policy", new JsonObject
        {
            ["type"] = 3,
            ["value"] = Marshaled("common.ImplicitMetaPolicy", new JsonObject { ["subPolicy"] = subPolicy, ["rule"] = rule }),
        }),
        ["modPolicy"] = "Admins",
    });
}
