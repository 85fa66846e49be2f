using System.Text;
using System.Text.Json.Nodes;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Orderer;
using EventsRequestMessage = Ceiba.Network.Protos.Gateway.ChaincodeEventsRequest;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>Chaincode event streams: start positions, signed requests, and resuming after a checkpoint.</summary>
public sealed class ChaincodeEventTests
{
    private static ChaincodeEvent Event(ulong block, string txId, string name = "PersonCreated") =>
        new(block, txId, GatewayFixture.Chaincode, name, Encoding.UTF8.GetBytes($"{{\"tx\":\"{txId}\"}}"));

    private static void Seed(FakeGatewayState state)
    {
        state.Events[5] = [Event(5, "tx-a"), Event(5, "tx-b")];
        state.Events[6] = [Event(6, "tx-c", "NoteAdded"), new ChaincodeEvent(6, "tx-x", "other", "Ignored", [])];
        state.Events[7] = [Event(7, "tx-d")];
    }

    private static async Task<List<ChaincodeEvent>> TakeAsync(IAsyncEnumerable<ChaincodeEvent> events, int count, ICheckpointer? checkpointer = null)
    {
        var taken = new List<ChaincodeEvent>();
        await foreach (var e in events)
        {
            taken.Add(e);
            if (checkpointer is not null)
            {
                await checkpointer.CheckpointChaincodeEventAsync(e, TestContext.Current.CancellationToken);
            }

            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }

    [Fact]
    public async Task Events_stream_in_order_from_the_start_block_with_all_fields()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        Seed(fixture.State);
        var network = fixture.Gateway.GetNetwork(GatewayFixture.Channel);

        // Act
        var events = await TakeAsync(
            network.GetChaincodeEventsAsync(GatewayFixture.Chaincode, new ChaincodeEventsOptions { StartBlock = 5 }, TestContext.Current.CancellationToken), 4);

        // Assert
        Assert.Equal(["tx-a", "tx-b", "tx-c", "tx-d"], events.Select(e => e.TransactionId));
        Assert.Equal([5ul, 5ul, 6ul, 7ul], events.Select(e => e.BlockNumber));
        Assert.Equal("NoteAdded", events[2].EventName);
        Assert.Equal(GatewayFixture.Chaincode, events[2].ChaincodeName);
        Assert.Equal("{\"tx\":\"tx-c\"}", Encoding.UTF8.GetString(events[2].Payload));
        var request = EventsRequestMessage.Parser.ParseFrom(Assert.Single(fixture.State.EventRequests).Request);
        Assert.Equal(5ul, request.StartPosition.Specified.Number);
        Assert.Equal("", request.AfterTransactionId);
        Assert.Equal(GatewayFixture.Channel, request.ChannelId);
    }

    [Fact]
    public async Task Without_a_start_the_stream_begins_at_the_next_commit()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        Seed(fixture.State);

        // Act
        var events = await TakeAsync(
            fixture.Gateway.GetNetwork(GatewayFixture.Channel).GetChaincodeEventsAsync(GatewayFixture.Chaincode, cancellationToken: TestContext.Current.CancellationToken), 1);

        // Assert
        Assert.Equal("tx-d", Assert.Single(events).TransactionId);
        var request = EventsRequestMessage.Parser.ParseFrom(Assert.Single(fixture.State.EventRequests).Request);
        Assert.Equal(SeekPosition.TypeOneofCase.NextCommit, request.StartPosition.TypeCase);
    }

    [Fact]
    public async Task An_in_memory_checkpoint_resumes_after_the_last_processed_event()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        Seed(fixture.State);
        var network = fixture.Gateway.GetNetwork(GatewayFixture.Channel);
        var checkpointer = Checkpointers.InMemory();
        var ct = TestContext.Current.CancellationToken;
        var first = await TakeAsync(network.GetChaincodeEventsAsync(GatewayFixture.Chaincode, new ChaincodeEventsOptions { StartBlock = 5 }, ct), 1, checkpointer);

        // Act
        var resumed = await TakeAsync(
            network.GetChaincodeEventsAsync(GatewayFixture.Chaincode, new ChaincodeEventsOptions { StartBlock = 0, Checkpoint = checkpointer }, ct), 3, checkpointer);

        // Assert
        Assert.Equal("tx-a", Assert.Single(first).TransactionId);
        Assert.Equal(["tx-b", "tx-c", "tx-d"], resumed.Select(e => e.TransactionId));
        var request = EventsRequestMessage.Parser.ParseFrom(fixture.State.EventRequests.Last().Request);
        Assert.Equal(5ul, request.StartPosition.Specified.Number);
        Assert.Equal("tx-a", request.AfterTransactionId);
        Assert.Equal(7ul, checkpointer.BlockNumber);
        Assert.Equal("tx-d", checkpointer.TransactionId);
    }

    [Fact]
    public async Task A_file_checkpoint_survives_a_restart_and_resumes()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        Seed(fixture.State);
        using var temp = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var network = fixture.Gateway.GetNetwork(GatewayFixture.Channel);
        var before = await Checkpointers.FileAsync(temp.File("events.json"), ct);
        await TakeAsync(network.GetChaincodeEventsAsync(GatewayFixture.Chaincode, new ChaincodeEventsOptions { StartBlock = 5 }, ct), 3, before);

        // Act
        var after = await Checkpointers.FileAsync(temp.File("events.json"), ct);
        var resumed = await TakeAsync(network.GetChaincodeEventsAsync(GatewayFixture.Chaincode, new ChaincodeEventsOptions { Checkpoint = after }, ct), 1);

        // Assert
        var json = JsonNode.Parse(await File.ReadAllTextAsync(temp.File("events.json"), ct))!;
        Assert.Equal(6ul, json["blockNumber"]!.GetValue<ulong>());
        Assert.Equal("tx-c", json["transactionId"]!.GetValue<string>());
        Assert.Equal(6ul, after.BlockNumber);
        Assert.Equal("tx-c", after.TransactionId);
        Assert.Equal("tx-d", Assert.Single(resumed).TransactionId);
    }

    [Fact]
    public async Task Checkpointing_a_block_moves_to_the_next_block_without_a_transaction()
    {
        // Arrange
        using var temp = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var checkpointer = await Checkpointers.FileAsync(temp.File("blocks.json"), ct);
        await checkpointer.CheckpointTransactionAsync(9, "tx-9", ct);

        // Act
        await checkpointer.CheckpointBlockAsync(9, ct);
        var reopened = await Checkpointers.FileAsync(temp.File("blocks.json"), ct);

        // Assert
        Assert.Equal(10ul, reopened.BlockNumber);
        Assert.Null(reopened.TransactionId);
        Assert.Equal("{\"blockNumber\":10}", await File.ReadAllTextAsync(temp.File("blocks.json"), ct));
    }

    [Fact]
    public async Task A_corrupt_checkpoint_file_is_InvalidDataException()
    {
        // Arrange
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.File("bad.json"), "not json", TestContext.Current.CancellationToken);

        // Act
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Checkpointers.FileAsync(temp.File("bad.json"), TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("bad.json", error.Message);
    }

    [Fact]
    public async Task A_refused_event_stream_is_a_GatewayException_of_the_events_stage()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        fixture.State.Failures[GatewayStage.ChaincodeEvents] = FakeErrors.WithDetails(Grpc.Core.StatusCode.PermissionDenied, "client is not a channel reader");

        // Act
        var error = await Assert.ThrowsAsync<GatewayException>(
            () => TakeAsync(fixture.Gateway.GetNetwork(GatewayFixture.Channel).GetChaincodeEventsAsync(GatewayFixture.Chaincode, cancellationToken: TestContext.Current.CancellationToken), 1));

        // Assert
        Assert.Equal(GatewayStage.ChaincodeEvents, error.Stage);
        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("", error.TransactionId);
    }

    [Fact]
    public async Task Events_requests_can_be_signed_offline()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        Seed(fixture.State);
        var gateway = fixture.ConnectOffline();
        var unsigned = gateway.GetNetwork(GatewayFixture.Channel).NewChaincodeEventsRequest(GatewayFixture.Chaincode, new ChaincodeEventsOptions { StartBlock = 7 });

        // Act
        var signed = gateway.NewSignedChaincodeEventsRequest(unsigned.Bytes, fixture.Identities.Client.Sign(unsigned.Digest));
        var events = await TakeAsync(signed.GetEventsAsync(TestContext.Current.CancellationToken), 1);

        // Assert
        Assert.Equal("tx-d", Assert.Single(events).TransactionId);
        Assert.Equal(GatewayFixture.Chaincode, signed.ChaincodeName);
    }
}
