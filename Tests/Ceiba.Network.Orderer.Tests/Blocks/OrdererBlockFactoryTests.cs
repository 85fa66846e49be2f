using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Blocks;
using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Tests.Blocks;

public sealed class OrdererBlockFactoryTests : IDisposable
{
    private readonly TestOrgs _orgs = new("HabanaMSP", "OrdererMSP");

    [Fact]
    public void Builds_a_hash_chained_block_whose_signature_satisfies_BlockValidation()
    {
        // Arrange
        using var orderer = _orgs.Issue("OrdererMSP", NodeOURole.Orderer);
        var factory = new OrdererBlockFactory(orderer);
        var previous = new byte[32];
        previous[0] = 7;
        var policies = ChannelPolicies.FromConfig(_orgs.ChannelGroup(["HabanaMSP"], ["OrdererMSP"]));

        // Act
        var block = factory.Create(5, previous, [ByteString.CopyFromUtf8("a"), ByteString.CopyFromUtf8("b")]);
        var signatures = Metadata.Parser.ParseFrom(block.Metadata.Metadata[(int)BlockMetadataIndex.Signatures]);
        var signature = Assert.Single(signatures.Signatures);
        var header = SignatureHeader.Parser.ParseFrom(signature.SignatureHeader);
        var signed = new SignedData(OrdererBlockFactory.SignedBytes(signatures, signature, block.Header), header.Creator.Memory, signature.Signature.Memory);

        // Assert
        Assert.Equal(5ul, block.Header.Number);
        Assert.Equal(previous, block.Header.PreviousHash.ToByteArray());
        Assert.Equal(BlockHashing.DataHash(block.Data), block.Header.DataHash.ToByteArray());
        Assert.Equal(0ul, OrdererBlockMetadata.Parser.ParseFrom(signatures.Value).LastConfig.Index);
        Assert.Equal(0ul, LastConfig.Parser.ParseFrom(Metadata.Parser.ParseFrom(block.Metadata.Metadata[(int)BlockMetadataIndex.LastConfig]).Value).Index);
        Assert.True(block.Metadata.Metadata[(int)BlockMetadataIndex.TransactionsFilter].IsEmpty);
        Assert.Equal(5, block.Metadata.Metadata.Count);
        Assert.True(policies.Evaluate(PolicyPaths.BlockValidation, [signed]).IsSatisfied);
    }

    [Fact]
    public void A_tampered_header_breaks_the_block_signature()
    {
        // Arrange
        using var orderer = _orgs.Issue("OrdererMSP", NodeOURole.Orderer);
        var block = new OrdererBlockFactory(orderer).Create(1, new byte[32], [ByteString.CopyFromUtf8("a")]);
        var signatures = Metadata.Parser.ParseFrom(block.Metadata.Metadata[0]);
        var signature = signatures.Signatures[0];
        var policies = ChannelPolicies.FromConfig(_orgs.ChannelGroup(["HabanaMSP"], ["OrdererMSP"]));

        // Act
        block.Header.Number = 2;
        var signed = new SignedData(OrdererBlockFactory.SignedBytes(signatures, signature, block.Header), orderer.Serialized, signature.Signature.Memory);

        // Assert
        Assert.False(policies.Evaluate(PolicyPaths.BlockValidation, [signed]).IsSatisfied);
    }

    public void Dispose() => _orgs.Dispose();
}
