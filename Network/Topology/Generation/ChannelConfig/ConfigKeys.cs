namespace Ceiba.Network.Topology.Generation.ChannelConfig;

/// <summary>The group, value and policy names of a Fabric channel configuration, as configtxgen writes them.</summary>
public static class ConfigKeys
{
    public const string ChannelGroup = "Channel";
    public const string OrdererGroup = "Orderer";
    public const string ApplicationGroup = "Application";

    public const string HashingAlgorithm = "HashingAlgorithm";
    public const string BlockDataHashingStructure = "BlockDataHashingStructure";
    public const string Capabilities = "Capabilities";
    public const string ConsensusType = "ConsensusType";
    public const string BatchSize = "BatchSize";
    public const string BatchTimeout = "BatchTimeout";
    public const string ChannelRestrictions = "ChannelRestrictions";
    public const string Msp = "MSP";
    public const string Endpoints = "Endpoints";
    public const string AnchorPeers = "AnchorPeers";
    public const string Acls = "ACLs";

    public const string Readers = "Readers";
    public const string Writers = "Writers";
    public const string Admins = "Admins";
    public const string Endorsement = "Endorsement";
    public const string LifecycleEndorsement = "LifecycleEndorsement";
    public const string BlockValidation = "BlockValidation";

    public const string ChannelCapability = "V2_0";
    public const string OrdererCapability = "V2_0";
    public const string ApplicationCapability = "V2_5";
}
