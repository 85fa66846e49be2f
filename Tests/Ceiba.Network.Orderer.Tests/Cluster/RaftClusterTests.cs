using Ceiba.Testing.Fabric;
using System.Collections.Concurrent;
using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Orderer.Tests.Cluster;

/// <summary>Three Raft orderers (cuba-3, TLS, blocks of at most 10 envelopes or 200 ms) as in-process hosts on loopback ports.</summary>
public sealed class RaftClusterTests
{
    private const int MaxMessageCount = 10;

    [Fact]
    public async Task Concurrent_broadcasts_to_every_node_give_identical_chains_with_each_acknowledged_envelope_once()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new TestCluster(TestNetwork.Generate("cuba-3", maxMessageCount: MaxMessageCount));
        await cluster.StartAllAsync(ct);
        await cluster.WaitForLeaderAsync(ct);
        using var signer = cluster.Network.Client();
        var acknowledged = new ConcurrentBag<string>();

        // Act: 3 nodes x 3 streams x 40 envelopes, all at once.
        await Task.WhenAll(cluster.Network.OrdererNames.SelectMany(node => Enumerable.Range(0, 3).Select(async _ =>
        {
            using var client = cluster.Client(node);
            var envelopes = Enumerable.Range(0, 40).Select(_ => Envelopes.Transaction(signer, cluster.Network.Channel)).ToList();
            var responses = await client.BroadcastAsync(envelopes.Select(e => e.Envelope), ct);
            for (var i = 0; i < envelopes.Count; i++)
            {
                Assert.True(responses[i].Status == Status.Success, $"{node}: {responses[i].Status} {responses[i].Info}");
                acknowledged.Add(envelopes[i].TxId);
            }
        })));
        var chain = await cluster.WaitForIdenticalChainsAsync(minimumHeight: 1 + 360 / MaxMessageCount, ct);

        // Assert
        var ordered = chain.Skip(1).SelectMany(Envelopes.TxIds).ToList();
        Assert.Equal(360, acknowledged.Count);
        Assert.All(acknowledged, id => Assert.Single(ordered, o => o == id));
        Assert.All(chain.Skip(1), b => Assert.InRange(b.Data.Data.Count, 1, MaxMessageCount));
        Assert.All(chain.Skip(1), b => Assert.InRange(b.Data.Data.Sum(d => d.Length), 1, 512 * 1024 + 2048));
    }

    [Fact]
    public async Task Killing_the_leader_mid_load_elects_a_new_one_loses_nothing_acknowledged_and_the_old_leader_catches_up()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new TestCluster(TestNetwork.Generate("cuba-3", maxMessageCount: MaxMessageCount));
        await cluster.StartAllAsync(ct);
        var oldLeader = (await cluster.WaitForLeaderAsync(ct)).Name;
        var target = cluster.Network.OrdererNames.First(n => n != oldLeader);
        using var signer = cluster.Network.Client();
        var acknowledged = new ConcurrentBag<string>();
        var afterKill = 0;
        using var stopLoad = new CancellationTokenSource();
        var killed = false;
        var load = Task.Run(async () =>
        {
            using var client = cluster.Client(target);
            while (!stopLoad.IsCancellationRequested)
            {
                var envelopes = Enumerable.Range(0, 5).Select(_ => Envelopes.Transaction(signer, cluster.Network.Channel)).ToList();
                var responses = await client.BroadcastAsync(envelopes.Select(e => e.Envelope), ct);
                for (var i = 0; i < envelopes.Count; i++)
                {
                    if (responses[i].Status == Status.Success)
                    {
                        acknowledged.Add(envelopes[i].TxId);
                        if (Volatile.Read(ref killed))
                        {
                            Interlocked.Increment(ref afterKill);
                        }
                    }
                    else
                    {
                        Assert.Equal(Status.ServiceUnavailable, responses[i].Status);
                    }
                }
            }
        }, ct);

        // Act
        await Task.Delay(1000, ct);
        await cluster.StopAsync(oldLeader);
        Volatile.Write(ref killed, true);
        var newLeader = await cluster.WaitForLeaderAsync(ct);
        await Task.Delay(1500, ct);
        await stopLoad.CancelAsync();
        await load;
        var survivors = await cluster.WaitForIdenticalChainsAsync(1, ct);
        await cluster.StartAsync(oldLeader, ct);
        var all = await cluster.WaitForIdenticalChainsAsync((ulong)survivors.Count, ct);

        // Assert
        Assert.NotEqual(oldLeader, newLeader.Name);
        Assert.True(afterKill > 0, "no envelope was acknowledged after the leader stopped");
        var ordered = all.Skip(1).SelectMany(Envelopes.TxIds).ToList();
        Assert.All(acknowledged, id => Assert.Single(ordered, o => o == id));
        Assert.Equal(ordered.Count, ordered.Distinct().Count());
        Assert.Equal(3, cluster.Running.Count);
    }

    [Fact]
    public async Task Restarting_the_whole_cluster_keeps_the_chain_and_delivers_from_any_height()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new TestCluster(TestNetwork.Generate("cuba-3", maxMessageCount: MaxMessageCount));
        await cluster.StartAllAsync(ct);
        await cluster.WaitForLeaderAsync(ct);
        using var signer = cluster.Network.Client();
        using (var client = cluster.Client(cluster.Network.OrdererNames[0]))
        {
            await client.BroadcastAsync(Enumerable.Range(0, 30).Select(_ => Envelopes.Transaction(signer, cluster.Network.Channel).Envelope), ct);
        }

        var before = await cluster.WaitForIdenticalChainsAsync(4, ct);

        // Act
        await cluster.StopAllAsync();
        await cluster.StartAllAsync(ct);
        await cluster.WaitForLeaderAsync(ct);
        var after = await cluster.WaitForIdenticalChainsAsync((ulong)before.Count, ct);
        using var reader = cluster.Client(cluster.Network.OrdererNames[2]);
        var (blocks, status) = await reader.DeliverAsync(Envelopes.Seek(signer, cluster.Network.Channel, Envelopes.At(2), Envelopes.At((ulong)before.Count - 1)), ct);
        var next = await reader.BroadcastAsync([Envelopes.Transaction(signer, cluster.Network.Channel).Envelope], ct);
        var extended = await cluster.WaitForIdenticalChainsAsync((ulong)before.Count + 1, ct);

        // Assert
        Assert.Equal(before.Select(b => Convert.ToHexString(BlockHashing.HeaderHash(b.Header))), after.Take(before.Count).Select(b => Convert.ToHexString(BlockHashing.HeaderHash(b.Header))));
        Assert.Equal(Status.Success, status);
        Assert.Equal(before.Skip(2).Select(b => b.Header.Number), blocks.Select(b => b.Header.Number));
        Assert.Equal(Status.Success, next[0].Status);
        Assert.Equal(BlockHashing.HeaderHash(before[^1].Header), extended[before.Count].Header.PreviousHash.ToByteArray());
    }

    [Fact]
    public async Task Without_a_quorum_there_is_no_leader_broadcast_answers_503_and_the_node_is_not_ready()
    {
        // Arrange: one of three orderers running.
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new TestCluster(TestNetwork.Generate("cuba-3", tls: false));
        var lonely = cluster.Network.OrdererNames[0];
        await cluster.StartAsync(lonely, ct);
        using var signer = cluster.Network.Client();
        using var client = cluster.Client(lonely);
        using var http = new HttpClient();
        await Task.Delay(1500, ct);

        // Act
        var responses = await client.BroadcastAsync([Envelopes.Transaction(signer, cluster.Network.Channel).Envelope], ct);
        var health = await http.GetAsync($"http://127.0.0.1:{cluster.Network.Config(lonely).Listen.OperationsPort}/health", ct);

        // Assert
        Assert.Equal(Status.ServiceUnavailable, responses[0].Status);
        Assert.False(cluster[lonely].IsReady);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task A_client_claiming_to_forward_for_the_cluster_is_still_validated()
    {
        // Arrange: a client without an orderer TLS client certificate sets the forwarding header on an unsigned envelope.
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new TestCluster(TestNetwork.Generate("cuba-3"));
        await cluster.StartAllAsync(ct);
        var leader = await cluster.WaitForLeaderAsync(ct);
        using var signer = cluster.Network.Client();
        using var client = cluster.Client(leader.Name);
        var headers = new Grpc.Core.Metadata { { "ceiba-forwarded", "1" } };

        // Act
        var responses = await client.BroadcastAsync(
            [Envelopes.Transaction(signer, cluster.Network.Channel, sign: false).Envelope, Envelopes.Transaction(signer, cluster.Network.Channel).Envelope], ct, headers);

        // Assert
        Assert.Equal(Status.Forbidden, responses[0].Status);
        Assert.Equal(Status.Success, responses[1].Status);
    }
}
