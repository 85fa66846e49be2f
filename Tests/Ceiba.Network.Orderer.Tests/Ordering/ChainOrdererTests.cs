using Ceiba.Network.Ledger;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Blocks;
using Ceiba.Network.Orderer.Consensus;
using Ceiba.Network.Orderer.Cutting;
using Ceiba.Network.Orderer.Internal;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Testing.Fabric;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ceiba.Network.Orderer.Tests.Ordering;

/// <summary>The leader's pipeline on a real block store and block factory, with a consensus whose commits the test releases.</summary>
public sealed class ChainOrdererTests : IAsyncDisposable
{
    private readonly TestOrgs _orgs = new("HabanaMSP", "OrdererMSP");
    private readonly string _directory = Directory.CreateTempSubdirectory("ceiba-chain-orderer-").FullName;
    private readonly BlockStore _store;
    private readonly OrdererChannel _channel;

    public ChainOrdererTests()
    {
        _store = BlockStore.Open(_directory);
        _store.Append(BlockHashing.NewBlock(0, ByteString.Empty, [ByteString.CopyFromUtf8("genesis")]));
        _channel = new OrdererChannel("ehr", new BatchLimits(10, 1_000_000, 1_000_000, TimeSpan.FromSeconds(1)), ChannelPolicies.FromConfig(_orgs.ChannelGroup(["HabanaMSP"], ["OrdererMSP"])), _store);
    }

    [Fact]
    public async Task Admission_waits_while_commits_are_held_and_every_admitted_envelope_commits_once_they_resume()
    {
        // Arrange
        using var signer = _orgs.Issue("OrdererMSP", NodeOURole.Orderer);
        var consensus = new HeldConsensus(_channel);
        using var metrics = new OrdererMetrics("orderer0", () => true, () => []);
        var orderer = new ChainOrderer(_channel, new OrdererBlockFactory(signer), consensus, metrics, NullLogger.Instance, TimeProvider.System);
        var admitted = new List<PendingEnvelope>();
        Task? waiting = null;

        // Act: admit until an admission is still waiting half a second later
        for (var i = 0; i < 5_000 && waiting is null; i++)
        {
            var pending = new PendingEnvelope(ByteString.CopyFromUtf8($"tx-{i}"), 16);
            admitted.Add(pending);
            var admission = orderer.AdmitAsync(pending, TestContext.Current.CancellationToken).AsTask();
            if (!admission.IsCompleted && await Task.WhenAny(admission, Task.Delay(500, TestContext.Current.CancellationToken)) != admission)
            {
                waiting = admission;
            }
        }

        var heldAt = admitted.Count;
        Assert.NotNull(waiting);
        consensus.Release();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var statuses = await Task.WhenAll(admitted.Select(p => p.Completion)).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await orderer.DisposeAsync();

        // Assert: the bound is the queue of 64, a batch being cut, one queued block and the one committing, not 5,000
        Assert.InRange(heldAt, 64, 200);
        Assert.All(statuses, status => Assert.Equal(Status.Success, status));
        Assert.Equal(heldAt, (int)Enumerable.Range(1, (int)_store.Height - 1).Sum(n => _store.GetBlock((ulong)n).Data.Data.Count));
    }

    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        _orgs.Dispose();
        await Task.Yield();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Leads, and commits a group (appending it to the store) only once released.</summary>
    private sealed class HeldConsensus(OrdererChannel channel) : IBlockConsensus
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public event Action? LeadershipChanged
        {
            add { }
            remove { }
        }

        public bool IsLeader => true;

        public bool IsReady => true;

        public ClusterMember? RemoteLeader => null;

        public string Description => "held";

        public void Release() => _released.TrySetResult();

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<bool> CommitAsync(string channelName, IReadOnlyList<Block> blocks, CancellationToken cancellationToken)
        {
            await _released.Task.WaitAsync(cancellationToken);
            channel.ApplyCommitted(blocks);
            return true;
        }

        public Task CatchUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
