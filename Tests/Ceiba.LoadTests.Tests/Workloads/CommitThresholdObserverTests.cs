using Ceiba.LoadTests.Workloads;
using System.Diagnostics;
using System.Threading.Channels;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Observers;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>The observer's counting, with block streams fed by the test (the peers are the only test double).</summary>
public sealed class CommitThresholdObserverTests
{
    [Fact]
    public async Task A_transaction_is_recorded_once_when_the_threshold_of_peers_saw_it_VALID()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var peers = Enumerable.Range(0, 3).Select(_ => Channel.CreateUnbounded<FilteredBlock>()).ToArray();
        var sink = new RecordingSink();
        await using var observer = new CommitThresholdObserver([.. peers.Select((p, i) => Source($"peer{i}", p))], threshold: 2, TimeSpan.FromMinutes(1), sink);
        foreach (var peer in peers)
        {
            await peer.Writer.WriteAsync(Block(5), cancellationToken);
        }

        await observer.StartAsync(5, TimeSpan.FromSeconds(30), cancellationToken);
        var intended = Stopwatch.GetTimestamp();
        observer.Register("tx-a", "CreateNote", "05", intended);
        observer.Register("tx-b", "CreatePerson", "13", intended);

        // Act
        await peers[0].Writer.WriteAsync(Block(6, ("tx-a", TxValidationCode.Valid), ("tx-b", TxValidationCode.MvccReadConflict)), cancellationToken);
        await peers[1].Writer.WriteAsync(Block(6, ("tx-a", TxValidationCode.Valid), ("tx-b", TxValidationCode.MvccReadConflict)), cancellationToken);
        await peers[2].Writer.WriteAsync(Block(6, ("tx-a", TxValidationCode.Valid), ("tx-b", TxValidationCode.MvccReadConflict)), cancellationToken);
        var recorded = await sink.WaitUntilAsync(s => s.Stages.Count >= 1, TimeSpan.FromSeconds(30), cancellationToken);
        await Task.Delay(200, cancellationToken);

        // Assert
        Assert.True(recorded);
        var stage = Assert.Single(sink.Stages);
        Assert.Equal(StageNames.CommitAtThreshold, stage.Stage);
        Assert.Equal(("CreateNote", "05", intended), (stage.Type, stage.Province, stage.IntendedTimestamp));
        Assert.Equal(1, observer.PendingCount);
    }

    [Fact]
    public async Task Entries_older_than_the_retention_are_dropped_unrecorded()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var peer = Channel.CreateUnbounded<FilteredBlock>();
        var sink = new RecordingSink();
        await using var observer = new CommitThresholdObserver([Source("peer0", peer)], threshold: null, TimeSpan.FromMilliseconds(1), sink);
        await peer.Writer.WriteAsync(Block(1), cancellationToken);
        await observer.StartAsync(1, TimeSpan.FromSeconds(30), cancellationToken);
        observer.Register("tx-old", "CreateNote", "03", Stopwatch.GetTimestamp());
        await Task.Delay(1100, cancellationToken);

        // Act
        await peer.Writer.WriteAsync(Block(2, ("tx-other", TxValidationCode.Valid)), cancellationToken);
        var dropped = await sink.WaitUntilAsync(_ => observer.ExpiredCount == 1, TimeSpan.FromSeconds(30), cancellationToken);
        await peer.Writer.WriteAsync(Block(3, ("tx-old", TxValidationCode.Valid)), cancellationToken);
        await Task.Delay(200, cancellationToken);

        // Assert
        Assert.True(dropped);
        Assert.Equal(0, observer.PendingCount);
        Assert.Empty(sink.Stages);
    }

    [Fact]
    public async Task Waiting_for_a_block_everywhere_ends_only_when_the_slowest_peer_delivered_it()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var fast = Channel.CreateUnbounded<FilteredBlock>();
        var slow = Channel.CreateUnbounded<FilteredBlock>();
        await using var observer = new CommitThresholdObserver([Source("fast", fast), Source("slow", slow)], threshold: null, TimeSpan.FromMinutes(1), new RecordingSink());
        await fast.Writer.WriteAsync(Block(3), cancellationToken);
        await slow.Writer.WriteAsync(Block(3), cancellationToken);
        await observer.StartAsync(3, TimeSpan.FromSeconds(30), cancellationToken);
        await fast.Writer.WriteAsync(Block(4), cancellationToken);
        await fast.Writer.WriteAsync(Block(5), cancellationToken);

        // Act
        var waiting = observer.WaitForBlockEverywhereAsync(5, cancellationToken);
        await Task.Delay(300, cancellationToken);
        var doneBeforeSlowPeer = waiting.IsCompleted;
        await slow.Writer.WriteAsync(Block(4), cancellationToken);
        await slow.Writer.WriteAsync(Block(5), cancellationToken);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        // Assert
        Assert.False(doneBeforeSlowPeer);
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_threshold_above_the_peer_count_is_refused()
    {
        // Arrange
        var peer = Channel.CreateUnbounded<FilteredBlock>();

        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CommitThresholdObserver([Source("peer0", peer)], threshold: 2, TimeSpan.FromSeconds(1), new RecordingSink()));

        // Assert
        Assert.Contains("between 1 and the topology's 1 peers", error.Message, StringComparison.Ordinal);
    }

    private static PeerBlockSource Source(string name, Channel<FilteredBlock> blocks) =>
        new(name, (start, token) => blocks.Reader.ReadAllAsync(token).Where(b => b.Number >= start));

    private static FilteredBlock Block(ulong number, params (string TxId, TxValidationCode Code)[] transactions)
    {
        var block = new FilteredBlock { ChannelId = "ehr", Number = number };
        block.FilteredTransactions.AddRange(transactions.Select(t => new FilteredTransaction { Txid = t.TxId, TxValidationCode = t.Code, Type = Ceiba.Network.Protos.Common.HeaderType.EndorserTransaction }));
        return block;
    }
}
