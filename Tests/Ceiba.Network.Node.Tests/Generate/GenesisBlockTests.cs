using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology.Generation;
using Ceiba.Testing;

namespace Ceiba.Network.Node.Tests.Generate;

public class GenesisBlockTests(GeneratedNetworkFixture network) : IClassFixture<GeneratedNetworkFixture>
{
    private const string Root = "data.dataList.0.payload.data.config.channelGroup";

    [Fact]
    public async Task The_Node_bindings_decode_the_genesis_block_with_configtxgens_group_value_and_policy_names()
    {
        // Arrange
        var bytes = await File.ReadAllBytesAsync(network.Full(OutputLayout.GenesisBlock("ehr")), TestContext.Current.CancellationToken);
        var orderer = $"{Root}.groupsMap.Orderer";
        var application = $"{Root}.groupsMap.Application";
        var nested = new Dictionary<string, string>
        {
            ["data.dataList.0"] = "common.Envelope",
            ["data.dataList.0.payload"] = "common.Payload",
            ["data.dataList.0.payload.header.channelHeader"] = "common.ChannelHeader",
            ["data.dataList.0.payload.data"] = "common.ConfigEnvelope",
            [$"{Root}.valuesMap.Capabilities.value"] = "common.Capabilities",
            [$"{orderer}.valuesMap.ConsensusType.value"] = "orderer.ConsensusType",
            [$"{orderer}.valuesMap.ConsensusType.value.metadata"] = "etcdraft.ConfigMetadata",
            [$"{orderer}.valuesMap.BatchSize.value"] = "orderer.BatchSize",
            [$"{orderer}.valuesMap.BatchTimeout.value"] = "orderer.BatchTimeout",
            [$"{orderer}.groupsMap.OrdererMSP.valuesMap.Endpoints.value"] = "common.OrdererAddresses",
            [$"{application}.valuesMap.Capabilities.value"] = "common.Capabilities",
            [$"{application}.groupsMap.*.valuesMap.MSP.value"] = "msp.MSPConfig",
            [$"{application}.groupsMap.*.valuesMap.MSP.value.config"] = "msp.FabricMSPConfig",
            [$"{application}.policiesMap.LifecycleEndorsement.policy.value"] = "common.ImplicitMetaPolicy",
        };

        // Act
        var block = await NodeProtos.DecodeAsync("common.Block", bytes, nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((int)HeaderType.Config, block.Long("data.dataList.0.payload.header.channelHeader.type"));
        Assert.Equal("ehr", block.Str("data.dataList.0.payload.header.channelHeader.channelId"));
        var root = block.At(Root);
        Assert.Equal(["Application", "Orderer"], Keys(root, "groupsMap"));
        Assert.Equal(["BlockDataHashingStructure", "Capabilities", "HashingAlgorithm"], Keys(root, "valuesMap"));
        Assert.Equal(["Admins", "Readers", "Writers"], Keys(root, "policiesMap"));
        Assert.Equal(["V2_0"], Keys(root, "valuesMap.Capabilities.value.capabilitiesMap"));

        var ordererGroup = block.At(orderer);
        Assert.Equal(["BatchSize", "BatchTimeout", "Capabilities", "ChannelRestrictions", "ConsensusType"], Keys(ordererGroup, "valuesMap"));
        Assert.Equal(["Admins", "BlockValidation", "Readers", "Writers"], Keys(ordererGroup, "policiesMap"));
        Assert.Equal(["OrdererMSP"], Keys(ordererGroup, "groupsMap"));
        Assert.Equal(["Endpoints", "MSP"], Keys(ordererGroup, "groupsMap.OrdererMSP.valuesMap"));
        Assert.Equal(["Admins", "Readers", "Writers"], Keys(ordererGroup, "groupsMap.OrdererMSP.policiesMap"));
        Assert.Equal("etcdraft", ordererGroup.Str("valuesMap.ConsensusType.value.type"));
        var cluster = network.Topology.Orderers;
        Assert.Equal(cluster.Nodes.Count, ordererGroup.Count("valuesMap.ConsensusType.value.metadata.consentersList"));
        Assert.Equal(cluster.Nodes[1].Port, ordererGroup.Long("valuesMap.ConsensusType.value.metadata.consentersList.1.port"));
        Assert.Equal(cluster.HostNameOf(cluster.Nodes[1]), ordererGroup.Str("valuesMap.ConsensusType.value.metadata.consentersList.1.host"));
        Assert.Equal($"{cluster.HostNameOf(cluster.Nodes[0])}:{cluster.Nodes[0].Port}", ordererGroup.Str("groupsMap.OrdererMSP.valuesMap.Endpoints.value.addressesList.0"));
        Assert.Equal(cluster.Batch.MaxMessageCount, ordererGroup.Long("valuesMap.BatchSize.value.maxMessageCount"));
        Assert.Equal(cluster.Batch.AbsoluteMaxBytes, ordererGroup.Long("valuesMap.BatchSize.value.absoluteMaxBytes"));
        Assert.Equal(cluster.Batch.PreferredMaxBytes, ordererGroup.Long("valuesMap.BatchSize.value.preferredMaxBytes"));
        Assert.Equal("2s", ordererGroup.Str("valuesMap.BatchTimeout.value.timeout"));

        var applicationGroup = block.At(application);
        Assert.Equal(["ACLs", "Capabilities"], Keys(applicationGroup, "valuesMap"));
        Assert.Equal(["V2_5"], Keys(applicationGroup, "valuesMap.Capabilities.value.capabilitiesMap"));
        Assert.Equal(["Admins", "Endorsement", "LifecycleEndorsement", "Readers", "Writers"], Keys(applicationGroup, "policiesMap"));
        Assert.Equal("Endorsement", applicationGroup.Str("policiesMap.LifecycleEndorsement.policy.value.subPolicy"));
        Assert.Equal((int)ImplicitMetaPolicy.Types.Rule.Majority, applicationGroup.Long("policiesMap.LifecycleEndorsement.policy.value.rule"));
        Assert.Equal(network.Topology.Orgs.Select(o => o.MspId).Order(), Keys(applicationGroup, "groupsMap"));
        foreach (var org in network.Topology.Orgs)
        {
            var group = applicationGroup.At($"groupsMap.{org.MspId}");
            Assert.Equal(["AnchorPeers", "MSP"], Keys(group, "valuesMap"));
            Assert.Equal(["Admins", "Endorsement", "Readers", "Writers"], Keys(group, "policiesMap"));
            Assert.Equal(org.MspId, group.Str("valuesMap.MSP.value.config.name"));
            Assert.True(group.Bool("valuesMap.MSP.value.config.fabricNodeOus.enable"));
            var caPem = await File.ReadAllTextAsync(network.Full(Path.Combine("organizations", "peerOrganizations", org.Domain, "ca", $"ca.{org.Domain}-cert.pem")), TestContext.Current.CancellationToken);
            Assert.Equal(caPem, group.Utf8("valuesMap.MSP.value.config.rootCertsList.0"));
        }
    }

    [Fact]
    public async Task The_genesis_block_is_block_zero_with_a_correct_data_hash_and_last_config()
    {
        // Arrange
        var bytes = await File.ReadAllBytesAsync(network.Full(OutputLayout.GenesisBlock("ehr")), TestContext.Current.CancellationToken);

        // Act
        var block = Block.Parser.ParseFrom(bytes);
        var headerDer = BlockHashing.HeaderDer(block.Header);

        // Assert
        Assert.Equal(0UL, block.Header.Number);
        Assert.True(block.Header.PreviousHash.IsEmpty);
        Assert.Equal(SHA256.HashData(block.Data.Data[0].Span), block.Header.DataHash.ToByteArray());
        Assert.Equal([0x02, 0x01, 0x00], headerDer[2..5]);
        Assert.Equal(BlockHashing.MetadataEntryCount, block.Metadata.Metadata.Count);
        var lastConfig = LastConfig.Parser.ParseFrom(Metadata.Parser.ParseFrom(block.Metadata.Metadata[(int)BlockMetadataIndex.LastConfig]).Value);
        Assert.Equal(0UL, lastConfig.Index);
        var signatures = OrdererBlockMetadata.Parser.ParseFrom(Metadata.Parser.ParseFrom(block.Metadata.Metadata[(int)BlockMetadataIndex.Signatures]).Value);
        Assert.Equal(0UL, signatures.LastConfig.Index);
    }

    private static IReadOnlyList<string> Keys(JsonNode node, string path) =>
        [.. node.At(path).AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];
}
