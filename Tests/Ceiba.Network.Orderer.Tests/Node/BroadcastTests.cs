using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Blocks;
using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology.Generation.ChannelConfig;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Tests.Node;

public sealed class BroadcastTests(SingleOrdererFixture orderer) : IClassFixture<SingleOrdererFixture>
{
    [Fact]
    public async Task Orders_acknowledged_envelopes_into_signed_hash_chained_blocks_within_the_batch_limits()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = orderer.Client();
        using var signer = orderer.Network.Client();
        var envelopes = Enumerable.Range(0, 25).Select(_ => Envelopes.Transaction(signer, orderer.Network.Channel)).ToList();
        var store = orderer.Node.GetStore(orderer.Network.Channel);
        var heightBefore = store.Height;

        // Act
        var responses = await client.BroadcastAsync(envelopes.Select(e => e.Envelope), ct);
        var (blocks, status) = await client.DeliverAsync(Envelopes.Seek(signer, orderer.Network.Channel, Envelopes.Oldest, Envelopes.Newest), ct);

        // Assert
        Assert.All(responses, r => Assert.Equal(Status.Success, r.Status));
        Assert.Equal(Status.Success, status);
        Assert.True(store.Height >= heightBefore + 3, $"25 envelopes in blocks of at most 10 need 3 blocks; height went {heightBefore} -> {store.Height}");
        var txIds = blocks.Skip(1).SelectMany(Envelopes.TxIds).ToList();
        Assert.All(envelopes, e => Assert.Single(txIds, id => id == e.TxId));
        Assert.All(blocks.Skip(1), b => Assert.InRange(b.Data.Data.Count, 1, 10));
        var policies = ChannelPolicies.FromConfig(GenesisBlockFactory.ReadConfig(blocks[0]).ChannelGroup);
        for (var i = 1; i < blocks.Count; i++)
        {
            Assert.Equal((ulong)i, blocks[i].Header.Number);
            Assert.Equal(BlockHashing.HeaderHash(blocks[i - 1].Header), blocks[i].Header.PreviousHash.ToByteArray());
            Assert.Equal(BlockHashing.DataHash(blocks[i].Data), blocks[i].Header.DataHash.ToByteArray());
            Assert.True(policies.Evaluate(PolicyPaths.BlockValidation, [BlockSignature(blocks[i])]).IsSatisfied, $"block {i} signature");
        }
    }

    public static TheoryData<string, Status> BadInputs => new()
    {
        { "unsigned", Status.Forbidden },
        { "wrong signature", Status.Forbidden },
        { "high-S signature", Status.Forbidden },
        { "unknown channel", Status.NotFound },
        { "oversize", Status.RequestEntityTooLarge },
        { "garbage payload bytes", Status.BadRequest },
        { "no payload", Status.BadRequest },
        { "wrong header type", Status.BadRequest },
        { "non-member identity", Status.Forbidden },
        { "member that is not a writer", Status.Forbidden },
        { "expired certificate", Status.Forbidden },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_its_status_and_the_node_keeps_ordering(string input, Status expected)
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = orderer.Client();
        using var signer = orderer.Network.Client();
        using var strangers = new TestOrgs(signer.MspId);
        var channel = orderer.Network.Channel;
        var bad = input switch
        {
            "unsigned" => Envelopes.Transaction(signer, channel, sign: false).Envelope,
            "wrong signature" => WithSignature(Envelopes.Transaction(signer, channel).Envelope, signer.SignMessage("other"u8)),
            "high-S signature" => HighS(Envelopes.Transaction(signer, channel).Envelope),
            "unknown channel" => Envelopes.Transaction(signer, "nochannel").Envelope,
            "oversize" => Envelopes.Transaction(signer, channel, dataBytes: 1024 * 1024 + 1).Envelope,
            "garbage payload bytes" => new Envelope { Payload = ByteString.CopyFrom(0xff, 0xfe, 0x01, 0x02, 0x03), Signature = ByteString.CopyFrom(1, 2) },
            "no payload" => new Envelope(),
            "wrong header type" => Envelopes.Transaction(signer, channel, type: HeaderType.DeliverSeekInfo).Envelope,
            "non-member identity" => Envelopes.Transaction(IssueStranger(strangers, signer.MspId), channel).Envelope,
            "member that is not a writer" => Envelopes.Transaction(orderer.Network.Peer(), channel).Envelope,
            "expired certificate" => Envelopes.Transaction(orderer.Network.ExpiredClient(), channel).Envelope,
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        var good = Envelopes.Transaction(signer, channel).Envelope;

        // Act
        var responses = await client.BroadcastAsync([bad, good], ct);

        // Assert
        Assert.Equal(expected, responses[0].Status);
        Assert.False(string.IsNullOrEmpty(responses[0].Info));
        Assert.True(input != "expired certificate" || responses[0].Info.Contains("expired", StringComparison.Ordinal), responses[0].Info);
        Assert.Equal(Status.Success, responses[1].Status);
    }

    private static SigningIdentity IssueStranger(TestOrgs strangers, string mspId) => strangers.Issue(mspId, NodeOURole.Client);

    private static Envelope WithSignature(Envelope envelope, byte[] signature) => new() { Payload = envelope.Payload, Signature = ByteString.CopyFrom(signature) };

    private static Envelope HighS(Envelope envelope) => WithSignature(envelope, EcdsaSignature.ToHighS(envelope.Signature.Span));

    private static SignedData BlockSignature(Block block)
    {
        var metadata = Metadata.Parser.ParseFrom(block.Metadata.Metadata[(int)BlockMetadataIndex.Signatures]);
        var signature = metadata.Signatures[0];
        var creator = SignatureHeader.Parser.ParseFrom(signature.SignatureHeader).Creator;
        return new SignedData(OrdererBlockFactory.SignedBytes(metadata, signature, block.Header), creator.Memory, signature.Signature.Memory);
    }
}
