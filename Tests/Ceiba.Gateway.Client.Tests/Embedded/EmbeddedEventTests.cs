using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Gateway.Client.Tests.Embedded;

using Ceiba.Gateway.Client;

/// <summary>Chaincode events and block events from the real peer, resumed from a file checkpoint over a new connection.</summary>
public sealed class EmbeddedEventTests(CubaNetworkFixture fixture) : IClassFixture<CubaNetworkFixture>
{
    [Fact]
    public async Task Chaincode_events_resume_after_the_last_checkpointed_event_on_a_new_connection()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var files = new TempDirectory();
        var start = Height();
        var ids = Enumerable.Range(0, 5).Select(_ => CubaNetworkFixture.NextId().ToString(CultureInfo.InvariantCulture)).ToList();
        await CreatePersonsAsync(ids.Take(3), ct);

        // Act: read two events, checkpointing to a file, then drop the stream and its connection.
        var first = new List<ChaincodeEvent>();
        {
            var checkpointer = await Checkpointers.FileAsync(files.File("events.json"), ct);
            var gateway = Gateway.Connect(fixture.Doctor, fixture.Channel(1));
            var events = gateway.GetNetwork(fixture.Network.Channel).GetChaincodeEventsAsync(CubaNetworkFixture.Chaincode, new ChaincodeEventsOptions { StartBlock = start, Checkpoint = checkpointer }, ct);
            first.AddRange(await TakeAsync(events, 2, checkpointer, ct));
        }

        await CreatePersonsAsync(ids.Skip(3), ct);
        var reopened = await Checkpointers.FileAsync(files.File("events.json"), ct);
        var resumedGateway = Gateway.Connect(fixture.Doctor, fixture.Channel(2));
        var resumed = await TakeAsync(
            resumedGateway.GetNetwork(fixture.Network.Channel).GetChaincodeEventsAsync(CubaNetworkFixture.Chaincode, new ChaincodeEventsOptions { Checkpoint = reopened }, ct), 3, reopened, ct);

        // Assert
        Assert.Equal(ids.Take(2), first.Select(EventId));
        Assert.Equal(ids.Skip(2), resumed.Select(EventId));
        Assert.All(first.Concat(resumed), e => Assert.Equal("PersonCreated", e.EventName));
        Assert.All(first.Concat(resumed), e => Assert.Equal(CubaNetworkFixture.Chaincode, e.ChaincodeName));
        var last = resumed[^1];
        Assert.Equal(last.BlockNumber, fixture.Embedded.Peers[0].GetChannel(fixture.Network.Channel).Ledger.FindTransaction(last.TransactionId)!.BlockNumber);
    }

    [Fact]
    public async Task Block_events_resume_at_the_block_after_the_checkpoint_with_the_peers_exact_blocks()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var files = new TempDirectory();
        var start = Height();
        await CreatePersonsAsync([CubaNetworkFixture.NextId().ToString(CultureInfo.InvariantCulture)], ct);
        var checkpointer = await Checkpointers.FileAsync(files.File("blocks.json"), ct);

        // Act
        var firstBlocks = new List<Block>();
        var events = fixture.Gateway.GetNetwork(fixture.Network.Channel).GetBlockEventsAsync(new BlockEventsOptions { StartBlock = start, Checkpoint = checkpointer }, ct);
        firstBlocks.AddRange(await TakeBlocksAsync(events, 1, checkpointer, ct));
        await CreatePersonsAsync([CubaNetworkFixture.NextId().ToString(CultureInfo.InvariantCulture)], ct);
        var reopened = await Checkpointers.FileAsync(files.File("blocks.json"), ct);
        var gateway = Gateway.Connect(fixture.Doctor, fixture.Channel(0));
        var next = await TakeBlocksAsync(gateway.GetNetwork(fixture.Network.Channel).GetBlockEventsAsync(new BlockEventsOptions { Checkpoint = reopened }, ct), 1, reopened, ct);

        // Assert
        Assert.Equal(start, firstBlocks[0].Header.Number);
        Assert.Equal(start + 1, next[0].Header.Number);
        var ledger = fixture.Embedded.Peers[0].GetChannel(fixture.Network.Channel).Ledger;
        Assert.Equal(ledger.Blocks.GetBlock(start).ToByteArray(), firstBlocks[0].ToByteArray());
        Assert.Equal(ledger.Blocks.GetBlock(start + 1).ToByteArray(), next[0].ToByteArray());
    }

    [Fact]
    public async Task Filtered_block_events_carry_each_transaction_id_with_its_validation_code()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var proposal = fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(CubaNetworkFixture.NextId())));
        var status = await (await (await proposal.EndorseAsync(ct)).SubmitAsync(ct)).GetStatusAsync(ct);

        // Act
        using var timeout = Timeout(ct);
        FilteredBlock? block = null;
        await foreach (var filtered in fixture.Gateway.GetNetwork(fixture.Network.Channel).GetFilteredBlockEventsAsync(new BlockEventsOptions { StartBlock = status.BlockNumber }, timeout.Token))
        {
            block = filtered;
            break;
        }

        // Assert
        Assert.NotNull(block);
        Assert.Equal(status.BlockNumber, block.Number);
        var transaction = Assert.Single(block.FilteredTransactions, t => t.Txid == proposal.TransactionId);
        Assert.Equal(TxValidationCode.Valid, transaction.TxValidationCode);
    }

    private ulong Height() => fixture.Embedded.Peers[0].GetChannel(fixture.Network.Channel).Ledger.Height;

    private async Task CreatePersonsAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await fixture.Contract.SubmitTransactionAsync("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(long.Parse(id, CultureInfo.InvariantCulture))), cancellationToken);
        }
    }

    private static string EventId(ChaincodeEvent e) => JsonNode.Parse(Encoding.UTF8.GetString(e.Payload))!["id"]!.GetValue<string>();

    private static CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        return timeout;
    }

    private static async Task<List<ChaincodeEvent>> TakeAsync(IAsyncEnumerable<ChaincodeEvent> events, int count, ICheckpointer checkpointer, CancellationToken cancellationToken)
    {
        using var timeout = Timeout(cancellationToken);
        var taken = new List<ChaincodeEvent>();
        await foreach (var e in events.WithCancellation(timeout.Token))
        {
            taken.Add(e);
            await checkpointer.CheckpointChaincodeEventAsync(e, cancellationToken);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }

    private static async Task<List<Block>> TakeBlocksAsync(IAsyncEnumerable<Block> blocks, int count, ICheckpointer checkpointer, CancellationToken cancellationToken)
    {
        using var timeout = Timeout(cancellationToken);
        var taken = new List<Block>();
        await foreach (var block in blocks.WithCancellation(timeout.Token))
        {
            taken.Add(block);
            await checkpointer.CheckpointBlockAsync(block.Header.Number, cancellationToken);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }
}
