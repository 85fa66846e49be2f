using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Testing;
using Google.Protobuf;
using Grpc.Core;
using static Ceiba.Testing.NodeProtos;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>Block events from the peer's Deliver services: signed seek requests, start positions, checkpoints, refusals.</summary>
public sealed class BlockEventTests
{
    private static void Seed(FakeGatewayState state)
    {
        state.Blocks[3] = FakeBlocks.Create(3, "tx-3a", "tx-3b");
        state.Blocks[4] = FakeBlocks.Create(4, "tx-4a");
        state.Blocks[7] = FakeBlocks.Create(7, "tx-7a");
    }

    private static async Task<List<T>> TakeAsync<T>(IAsyncEnumerable<T> items, int count)
    {
        var taken = new List<T>();
        await foreach (var item in items)
        {
            taken.Add(item);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }

    [Fact]
    public async Task Blocks_stream_in_order_from_the_start_block_after_a_signed_seek()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        Seed(fixture.State);
        var network = fixture.Gateway.GetNetwork(GatewayFixture.Channel);

        // Act
        var blocks = await TakeAsync(network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 3 }, TestContext.Current.CancellationToken), 3);

        // Assert
        Assert.Equal([3ul, 4ul, 7ul], blocks.Select(b => b.Header.Number));
        Assert.Equal(2, blocks[0].Data.Data.Count);
        var seek = Assert.Single(fixture.State.SeekRequests);
        var payload = Payload.Parser.ParseFrom(seek.Payload);
        var channelHeader = ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader);
        var signatureHeader = SignatureHeader.Parser.ParseFrom(payload.Header.SignatureHeader);
        Assert.Equal((int)HeaderType.DeliverSeekInfo, channelHeader.Type);
        Assert.Equal(GatewayFixture.Channel, channelHeader.ChannelId);
        Assert.Equal(SignatureChecks.TxId(signatureHeader.Nonce.Span, signatureHeader.Creator.Span), channelHeader.TxId);
        var seekInfo = SeekInfo.Parser.ParseFrom(payload.Data);
        Assert.Equal(3ul, seekInfo.Start.Specified.Number);
        Assert.Equal(ulong.MaxValue, seekInfo.Stop.Specified.Number);
        Assert.Equal(SeekInfo.Types.SeekBehavior.BlockUntilReady, seekInfo.Behavior);
    }

    [Fact]
    public async Task Filtered_blocks_carry_transaction_ids_and_validation_codes()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        Seed(fixture.State);

        // Act
        var blocks = await TakeAsync(
            fixture.Gateway.GetNetwork(GatewayFixture.Channel).GetFilteredBlockEventsAsync(new BlockEventsOptions { StartBlock = 4 }, TestContext.Current.CancellationToken), 2);

        // Assert
        Assert.Equal([4ul, 7ul], blocks.Select(b => b.Number));
        Assert.Equal("tx-4a", Assert.Single(blocks[0].FilteredTransactions).Txid);
        Assert.Equal(GatewayFixture.Channel, blocks[0].ChannelId);
    }

    [Fact]
    public async Task A_block_checkpoint_resumes_at_the_next_block_and_no_start_means_next_commit()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        Seed(fixture.State);
        var network = fixture.Gateway.GetNetwork(GatewayFixture.Channel);
        var checkpointer = Checkpointers.InMemory();
        var ct = TestContext.Current.CancellationToken;
        foreach (var block in await TakeAsync(network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 3 }, ct), 1))
        {
            await checkpointer.CheckpointBlockAsync(block.Header.Number, ct);
        }

        // Act
        var resumed = await TakeAsync(network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 0, Checkpoint = checkpointer }, ct), 1);
        var next = await TakeAsync(network.GetBlockEventsAsync(cancellationToken: ct), 1);

        // Assert
        Assert.Equal(4ul, Assert.Single(resumed).Header.Number);
        Assert.Equal(7ul, Assert.Single(next).Header.Number);
        var lastSeek = SeekInfo.Parser.ParseFrom(Payload.Parser.ParseFrom(fixture.State.SeekRequests.Last().Payload).Data);
        Assert.Equal(SeekPosition.TypeOneofCase.NextCommit, lastSeek.Start.TypeCase);
    }

    [Fact]
    public async Task A_refused_stream_is_a_GatewayException_of_the_block_events_stage()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        fixture.State.DeliverStatus = Ceiba.Network.Protos.Common.Status.Forbidden;

        // Act
        var error = await Assert.ThrowsAsync<GatewayException>(
            () => TakeAsync(fixture.Gateway.GetNetwork(GatewayFixture.Channel).GetBlockEventsAsync(cancellationToken: TestContext.Current.CancellationToken), 1));

        // Assert
        Assert.Equal(GatewayStage.BlockEvents, error.Stage);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("403 (Forbidden)", error.Status.Detail);
    }

    [Fact]
    public async Task Seek_envelope_decodes_in_node_and_its_signature_verifies()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        Seed(fixture.State);
        await TakeAsync(fixture.Gateway.GetNetwork(GatewayFixture.Channel).GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 7 }, TestContext.Current.CancellationToken), 1);
        var seek = Assert.Single(fixture.State.SeekRequests);
        var nested = new Dictionary<string, string>
        {
            ["payload"] = "common.Payload",
            ["payload.header.channelHeader"] = "common.ChannelHeader",
            ["payload.header.signatureHeader"] = "common.SignatureHeader",
            ["payload.header.signatureHeader.creator"] = "msp.SerializedIdentity",
            ["payload.data"] = "orderer.SeekInfo",
        };

        // Act
        var node = await DecodeAsync("common.Envelope", seek.ToByteArray(), nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(5, node.Long("payload.header.channelHeader.type"));
        Assert.Equal(0, node.Long("payload.header.channelHeader.epoch"));
        Assert.Equal(GatewayFixture.Channel, node.Str("payload.header.channelHeader.channelId"));
        Assert.Equal(24, node.Bytes("payload.header.signatureHeader.nonce").Length);
        Assert.Equal(7, node.Long("payload.data.start.specified.number"));
        Assert.Equal(0, node.Long("payload.data.behavior"));
        Assert.True(SignatureChecks.VerifyWithPem(node.Utf8("payload.header.signatureHeader.creator.idBytes"), seek.Payload.Span, node.Bytes("signature")));
    }
}
