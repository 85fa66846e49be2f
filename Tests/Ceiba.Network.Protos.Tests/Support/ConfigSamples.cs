using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using EtcdRaft = Ceiba.Network.Protos.Orderer.EtcdRaft;

namespace Ceiba.Network.Protos.Tests.Support;

/// <summary>
/// A small but complete channel config (Channel / Orderer / Application with one org each) as a genesis
/// block. Map entries are added in sorted key order, the order the Node bindings marshal them in.
/// </summary>
internal static class ConfigSamples
{
    public const string CaPem = "-----BEGIN CERTIFICATE-----\nMIIBHabanaCA\n-----END CERTIFICATE-----\n";
    public const string TlsCaPem = "-----BEGIN CERTIFICATE-----\nMIIBHabanaTLSCA\n-----END CERTIFICATE-----\n";
    public const string OrdererTlsPem = "-----BEGIN CERTIFICATE-----\nMIIBOrderer0TLS\n-----END CERTIFICATE-----\n";
    public const uint AbsoluteMaxBytes = 99 * 1024 * 1024;
    public const uint PreferredMaxBytes = 512 * 1024;
    public static readonly Google.Protobuf.WellKnownTypes.Timestamp Time = Samples.Time;

    public static Block GenesisBlock()
    {
        var envelope = new Envelope
        {
            Payload = new Payload
            {
                Header = new Header
                {
                    ChannelHeader = new ChannelHeader { Type = (int)HeaderType.Config, ChannelId = Samples.Channel, Timestamp = Time }.ToByteString(),
                    SignatureHeader = new SignatureHeader { Nonce = ByteString.CopyFromUtf8("genesis-nonce") }.ToByteString(),
                },
                Data = new ConfigEnvelope { Config = Config() }.ToByteString(),
            }.ToByteString(),
        };
        return new Block
        {
            Header = new BlockHeader { Number = 0 },
            Data = new BlockData { Data = { envelope.ToByteString() } },
            Metadata = new BlockMetadata { Metadata = { ByteString.Empty, ByteString.Empty, ByteString.Empty, ByteString.Empty } },
        };
    }

    public static Config Config() => new()
    {
        Sequence = 0,
        ChannelGroup = new ConfigGroup
        {
            Groups =
            {
                ["Application"] = ApplicationGroup(),
                ["Orderer"] = OrdererGroup(),
            },
            Values =
            {
                ["BlockDataHashingStructure"] = Value(new BlockDataHashingStructure { Width = uint.MaxValue }),
                ["Capabilities"] = Value(Capabilities("V2_0")),
                ["HashingAlgorithm"] = Value(new HashingAlgorithm { Name = "SHA256" }),
                ["OrdererAddresses"] = Value(new OrdererAddresses { Addresses = { "orderer0.ehr:7050" } }),
            },
            Policies =
            {
                ["Admins"] = ImplicitMeta("Admins", ImplicitMetaPolicy.Types.Rule.Majority),
                ["Readers"] = ImplicitMeta("Readers", ImplicitMetaPolicy.Types.Rule.Any),
                ["Writers"] = ImplicitMeta("Writers", ImplicitMetaPolicy.Types.Rule.Any),
            },
            ModPolicy = "Admins",
        },
    };

    private static ConfigGroup OrdererGroup() => new()
    {
        Groups = { ["OrdererMSP"] = Organization("OrdererMSP") },
        Values =
        {
            ["BatchSize"] = Value(new BatchSize { MaxMessageCount = 10, AbsoluteMaxBytes = AbsoluteMaxBytes, PreferredMaxBytes = PreferredMaxBytes }),
            ["BatchTimeout"] = Value(new BatchTimeout { Timeout = "2s" }),
            ["ConsensusType"] = Value(new ConsensusType
            {
                Type = "etcdraft",
                State = ConsensusType.Types.State.Normal,
                Metadata = new EtcdRaft.ConfigMetadata
                {
                    Consenters =
                    {
                        new EtcdRaft.Consenter
                        {
                            Host = "orderer0.ehr",
                            Port = 7050,
                            ClientTlsCert = ByteString.CopyFromUtf8(OrdererTlsPem),
                            ServerTlsCert = ByteString.CopyFromUtf8(OrdererTlsPem),
                        },
                    },
                    Options = new EtcdRaft.Options
                    {
                        TickInterval = "500ms",
                        ElectionTick = 10,
                        HeartbeatTick = 1,
                        MaxInflightBlocks = 5,
                        SnapshotIntervalSize = 16 * 1024 * 1024,
                    },
                }.ToByteString(),
            }),
        },
        Policies = { ["BlockValidation"] = ImplicitMeta("Writers", ImplicitMetaPolicy.Types.Rule.Any) },
        ModPolicy = "Admins",
    };

    private static ConfigGroup ApplicationGroup()
    {
        var habana = Organization("HabanaMSP");
        habana.Values.Add("AnchorPeers", Value(new AnchorPeers { AnchorPeers_ = { new AnchorPeer { Host = "peer0.habana", Port = 7051 } } }));
        // Insert sorted: AnchorPeers < MSP.
        var values = habana.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        habana.Values.Clear();
        habana.Values.Add(values.ToDictionary(v => v.Key, v => v.Value));
        return new ConfigGroup
        {
            Groups = { ["HabanaMSP"] = habana },
            Values =
            {
                ["ACLs"] = Value(new ACLs
                {
                    Acls =
                    {
                        ["peer/Propose"] = new APIResource { PolicyRef = "/Channel/Application/Writers" },
                        ["qscc/GetChainInfo"] = new APIResource { PolicyRef = "/Channel/Application/Readers" },
                    },
                }),
            },
            Policies = { ["Endorsement"] = ImplicitMeta("Endorsement", ImplicitMetaPolicy.Types.Rule.Majority) },
            ModPolicy = "Admins",
        };
    }

    private static ConfigGroup Organization(string mspId) => new()
    {
        Values =
        {
            ["MSP"] = Value(new MSPConfig
            {
                Type = 0,
                Config = new FabricMSPConfig
                {
                    Name = mspId,
                    RootCerts = { ByteString.CopyFromUtf8(CaPem) },
                    CryptoConfig = new FabricCryptoConfig { SignatureHashFamily = "SHA2", IdentityIdentifierHashFunction = "SHA256" },
                    TlsRootCerts = { ByteString.CopyFromUtf8(TlsCaPem) },
                    FabricNodeOus = new FabricNodeOUs
                    {
                        Enable = true,
                        ClientOuIdentifier = new FabricOUIdentifier { Certificate = ByteString.CopyFromUtf8(CaPem), OrganizationalUnitIdentifier = "client" },
                        PeerOuIdentifier = new FabricOUIdentifier { Certificate = ByteString.CopyFromUtf8(CaPem), OrganizationalUnitIdentifier = "peer" },
                        AdminOuIdentifier = new FabricOUIdentifier { Certificate = ByteString.CopyFromUtf8(CaPem), OrganizationalUnitIdentifier = "admin" },
                        OrdererOuIdentifier = new FabricOUIdentifier { Certificate = ByteString.CopyFromUtf8(CaPem), OrganizationalUnitIdentifier = "orderer" },
                    },
                }.ToByteString(),
            }),
        },
        Policies =
        {
            // OR('<msp>.member', '<msp>.peer')
            ["Endorsement"] = new ConfigPolicy
            {
                Policy = new Policy
                {
                    Type = (int)Policy.Types.PolicyType.Signature,
                    Value = new SignaturePolicyEnvelope
                    {
                        Version = 0,
                        Rule = new SignaturePolicy
                        {
                            NOutOf = new SignaturePolicy.Types.NOutOf { N = 1, Rules = { new SignaturePolicy { SignedBy = 0 }, new SignaturePolicy { SignedBy = 1 } } },
                        },
                        Identities = { Role(mspId, MSPRole.Types.MSPRoleType.Member), Role(mspId, MSPRole.Types.MSPRoleType.Peer) },
                    }.ToByteString(),
                },
                ModPolicy = "Admins",
            },
        },
        ModPolicy = "Admins",
    };

    private static MSPPrincipal Role(string mspId, MSPRole.Types.MSPRoleType role) => new()
    {
        PrincipalClassification = MSPPrincipal.Types.Classification.Role,
        Principal = new MSPRole { MspIdentifier = mspId, Role = role }.ToByteString(),
    };

    private static ConfigValue Value(IMessage message) => new() { Value = message.ToByteString(), ModPolicy = "Admins" };

    private static Capabilities Capabilities(string name) => new() { Capabilities_ = { [name] = new Capability() } };

    private static ConfigPolicy ImplicitMeta(string subPolicy, ImplicitMetaPolicy.Types.Rule rule) => new()
    {
        Policy = new Policy
        {
            Type = (int)Policy.Types.PolicyType.ImplicitMeta,
            Value = new ImplicitMetaPolicy { SubPolicy = subPolicy, Rule = rule }.ToByteString(),
        },
        ModPolicy = "Admins",
    };
}
