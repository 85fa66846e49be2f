using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Testing.Fabric;

namespace Ceiba.Network.Orderer.Tests.Cluster;

/// <summary>
/// Raft log compaction: with a snapshot every 16 KiB of log and 64 KiB WAL chunks, a follower that was down while
/// hundreds of KiB were ordered is behind the leader's snapshot, installs it and pulls the missing blocks.
/// </summary>
public sealed class RaftSnapshotTests
{
    private const int MaxMessageCount = 10;

    [Fact]
    public async Task A_follower_behind_the_leaders_snapshot_installs_it_pulls_the_missing_blocks_and_holds_an_identical_chain()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new TestCluster(
            TestNetwork.Generate("cuba-3", maxMessageCount: MaxMessageCount),
            options => options with { SnapshotIntervalBytes = 16 * 1024, RaftLogChunkBytes = 64 * 1024 });
        await cluster.StartAllAsync(ct);
        var leader = (await cluster.WaitForLeaderAsync(ct)).Name;
        var follower = cluster.Network.OrdererNames.First(n => n != leader);
        using var signer = cluster.Network.Client();
        await cluster.StopAsync(follower);

        // Act: 300 envelopes of 1 KiB (30 blocks, ~300 KiB of log) while the follower is down, then restart it.
        using (var client = cluster.Client(leader))
        {
            var responses = await client.BroadcastAsync(Enumerable.Range(0, 300).Select(_ => Envelopes.Transaction(signer, cluster.Network.Channel, dataBytes: 1024).Envelope), ct);
            Assert.All(responses, r => Assert.Equal(Status.Success, r.Status));
        }

        var survivors = await cluster.WaitForIdenticalChainsAsync(1 + 300 / MaxMessageCount, ct);
        await cluster.StartAsync(follower, ct);
        var all = await cluster.WaitForIdenticalChainsAsync((ulong)survivors.Count, ct);

        // Assert
        Assert.True(cluster[follower].PulledBlocks > 0, "the restarted follower did not pull blocks after a snapshot; it replayed the log instead");
        Assert.NotEmpty(Directory.GetFiles(cluster.SnapshotDirectory(leader)));
        Assert.Equal(survivors.Select(b => b.Header.Number), all.Take(survivors.Count).Select(b => b.Header.Number));
        Assert.Equal(3, cluster.Running.Count);
    }

    [Fact]
    public async Task A_compacted_cluster_restarts_from_its_snapshots_and_keeps_ordering()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new TestCluster(
            TestNetwork.Generate("cuba-3", maxMessageCount: MaxMessageCount),
            options => options with { SnapshotIntervalBytes = 16 * 1024, RaftLogChunkBytes = 64 * 1024 });
        await cluster.StartAllAsync(ct);
        var leader = (await cluster.WaitForLeaderAsync(ct)).Name;
        using var signer = cluster.Network.Client();
        using (var client = cluster.Client(leader))
        {
            await client.BroadcastAsync(Enumerable.Range(0, 200).Select(_ => Envelopes.Transaction(signer, cluster.Network.Channel, dataBytes: 1024).Envelope), ct);
        }

        var before = await cluster.WaitForIdenticalChainsAsync(1 + 200 / MaxMessageCount, ct);

        // Act
        await cluster.StopAllAsync();
        await cluster.StartAllAsync(ct);
        var newLeader = await cluster.WaitForLeaderAsync(ct);
        using var again = cluster.Client(newLeader.Name);
        var next = await again.BroadcastAsync([Envelopes.Transaction(signer, cluster.Network.Channel).Envelope], ct);
        var after = await cluster.WaitForIdenticalChainsAsync((ulong)before.Count + 1, ct);

        // Assert
        Assert.All(cluster.Network.OrdererNames, n => Assert.NotEmpty(Directory.GetFiles(cluster.SnapshotDirectory(n))));
        Assert.Equal(Status.Success, next[0].Status);
        Assert.Equal(
            before.Select(b => Convert.ToHexString(BlockHashing.HeaderHash(b.Header))),
            after.Take(before.Count).Select(b => Convert.ToHexString(BlockHashing.HeaderHash(b.Header))));
    }
}
