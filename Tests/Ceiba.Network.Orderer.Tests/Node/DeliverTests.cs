using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;
using SeekBehavior = Ceiba.Network.Protos.Orderer.SeekInfo.Types.SeekBehavior;

namespace Ceiba.Network.Orderer.Tests.Node;

public sealed class DeliverTests(SingleOrdererFixture orderer) : IClassFixture<SingleOrdererFixture>
{
    [Fact]
    public async Task Oldest_to_newest_starts_at_the_generated_genesis_block()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = orderer.Client();
        using var signer = orderer.Network.Client();
        var genesis = await File.ReadAllBytesAsync(Path.Combine(orderer.Network.Root, "channel-artifacts", $"{orderer.Network.Channel}.block"), ct);
        await client.BroadcastAsync([Envelopes.Transaction(signer, orderer.Network.Channel).Envelope], ct);

        // Act
        var (blocks, status) = await client.DeliverAsync(Envelopes.Seek(signer, orderer.Network.Channel, Envelopes.Oldest, Envelopes.Newest), ct);

        // Assert
        Assert.Equal(Status.Success, status);
        Assert.Equal(genesis, blocks[0].ToByteArray());
        Assert.Equal(orderer.Node.GetStore(orderer.Network.Channel).Height, (ulong)blocks.Count);
    }

    [Fact]
    public async Task A_specified_range_returns_exactly_those_blocks_then_success()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = orderer.Client();
        using var signer = orderer.Network.Client();
        await client.BroadcastAsync(Enumerable.Range(0, 3).Select(_ => Envelopes.Transaction(signer, orderer.Network.Channel).Envelope), ct);
        await client.BroadcastAsync(Enumerable.Range(0, 3).Select(_ => Envelopes.Transaction(signer, orderer.Network.Channel).Envelope), ct);

        // Act
        var (blocks, status) = await client.DeliverAsync(Envelopes.Seek(signer, orderer.Network.Channel, Envelopes.At(1), Envelopes.At(2)), ct);

        // Assert
        Assert.Equal(Status.Success, status);
        Assert.Equal([1ul, 2ul], blocks.Select(b => b.Header.Number));
    }

    [Fact]
    public async Task Fail_if_not_ready_beyond_the_height_is_not_found()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = orderer.Client();
        using var signer = orderer.Network.Client();
        var height = orderer.Node.GetStore(orderer.Network.Channel).Height;

        // Act
        var (blocks, status) = await client.DeliverAsync(
            Envelopes.Seek(signer, orderer.Network.Channel, Envelopes.At(height + 5), Envelopes.At(height + 6), SeekBehavior.FailIfNotReady), ct);

        // Assert
        Assert.Equal(Status.NotFound, status);
        Assert.Empty(blocks);
    }

    [Fact]
    public async Task An_identity_outside_the_channel_is_forbidden()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = orderer.Client();
        using var strangers = new TestOrgs("HabanaMSP");
        using var stranger = strangers.Issue("HabanaMSP", NodeOURole.Client);

        // Act
        var (blocks, status) = await client.DeliverAsync(Envelopes.Seek(stranger, orderer.Network.Channel, Envelopes.Oldest, Envelopes.Newest), ct);

        // Assert
        Assert.Equal(Status.Forbidden, status);
        Assert.Empty(blocks);
    }

    [Fact]
    public async Task A_timestamp_more_than_15_minutes_off_is_a_bad_request()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = orderer.Client();
        using var signer = orderer.Network.Client();

        // Act
        var (blocks, status) = await client.DeliverAsync(
            Envelopes.Seek(signer, orderer.Network.Channel, Envelopes.Oldest, Envelopes.Newest, timestamp: DateTimeOffset.UtcNow.AddMinutes(-16)), ct);

        // Assert
        Assert.Equal(Status.BadRequest, status);
        Assert.Empty(blocks);
    }

    [Fact]
    public async Task Next_commit_waits_for_and_streams_the_next_block()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = orderer.Client();
        using var signer = orderer.Network.Client();
        var (envelope, txId) = Envelopes.Transaction(signer, orderer.Network.Channel);
        var height = orderer.Node.GetStore(orderer.Network.Channel).Height;
        var delivering = client.DeliverAsync(Envelopes.Seek(signer, orderer.Network.Channel, Envelopes.NextCommit, Envelopes.At(height)), ct);

        // Act
        await Task.Delay(200, ct);
        var waitedForABlock = !delivering.IsCompleted;
        await client.BroadcastAsync([envelope], ct);
        var (blocks, status) = await delivering.WaitAsync(TimeSpan.FromSeconds(10), ct);

        // Assert
        Assert.True(waitedForABlock);
        Assert.Equal(Status.Success, status);
        Assert.Equal(height, Assert.Single(blocks).Header.Number);
        Assert.Contains(txId, Envelopes.TxIds(blocks[0]));
    }

    [Fact]
    public async Task Header_with_sig_sends_headers_and_metadata_without_data()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = orderer.Client();
        using var signer = orderer.Network.Client();
        await client.BroadcastAsync([Envelopes.Transaction(signer, orderer.Network.Channel).Envelope], ct);
        var seek = Envelopes.Seek(signer, orderer.Network.Channel, Envelopes.At(1), Envelopes.At(1));
        var payload = Payload.Parser.ParseFrom(seek.Payload);
        var info = Protos.Orderer.SeekInfo.Parser.ParseFrom(payload.Data);
        info.ContentType = Protos.Orderer.SeekInfo.Types.SeekContentType.HeaderWithSig;
        payload.Data = info.ToByteString();
        seek = new Envelope { Payload = payload.ToByteString(), Signature = ByteString.CopyFrom(signer.SignMessage(payload.ToByteArray())) };
        var full = orderer.Node.GetStore(orderer.Network.Channel).GetBlock(1);

        // Act
        var (blocks, status) = await client.DeliverAsync(seek, ct);

        // Assert
        Assert.Equal(Status.Success, status);
        var block = Assert.Single(blocks);
        Assert.Empty(block.Data.Data);
        Assert.Equal(full.Header, block.Header);
        Assert.Equal(full.Metadata, block.Metadata);
    }
}
