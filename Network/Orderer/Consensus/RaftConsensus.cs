using System.Net;
using Ceiba.Network.Orderer.Internal;
using Ceiba.Network.Protos.Common;
using DotNext.Net.Cluster;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.Membership;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using DotNext.Net.Security;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Consensus;

#pragma warning disable DOTNEXT001 // WriteAheadLog and IStateMachine are marked experimental in DotNext 6.

/// <summary>
/// Raft among the orderers with DotNext.Net.Cluster over TCP (mutual TLS when the node serves TLS): a persistent write-ahead log on disk compacted by snapshots,
/// committed entries applied to the channels' block stores by <see cref="BlockStateMachine"/>. The
/// leader replicates the blocks it cut as log entries (several consecutive blocks per entry under load), so every node writes identical stores.
/// </summary>
internal sealed class RaftConsensus : IBlockConsensus
{
    private readonly string _name;
    private readonly IReadOnlyList<ClusterMember> _members;
    private readonly RaftCluster _cluster;
    private readonly WriteAheadLog _log;
    private readonly BlockStateMachine _stateMachine;
    private readonly BlockPuller _puller;
    private readonly ILogger _logger;

    private RaftConsensus(string name, IReadOnlyList<ClusterMember> members, string walDirectory, BlockStateMachine stateMachine, BlockPuller puller, RaftOptions options, SslOptions? tls, ILoggerFactory loggers, ILogger logger)
    {
        _name = name;
        _members = members;
        _logger = logger;
        _stateMachine = stateMachine;
        _puller = puller;
        var self = members.FirstOrDefault(m => m.Name == name) ?? throw new InvalidOperationException($"orderer {name} is not among its cluster members");
        Directory.CreateDirectory(walDirectory);
        _log = new WriteAheadLog(new WriteAheadLog.Options { Location = walDirectory, ChunkSize = options.WalChunkBytes, Allocator = RaftBuffers.Allocator }, stateMachine);
        var electionTimeout = options.ElectionTimeout;

        var lower = (int)electionTimeout.TotalMilliseconds;
        var configuration = new RaftCluster.TcpConfiguration(self.RaftEndPoint)
        {
            LowerElectionTimeout = lower,
            UpperElectionTimeout = lower * 2,
            HeartbeatThreshold = 0.025,
            RequestTimeout = TimeSpan.FromSeconds(5),
            ConnectTimeout = TimeSpan.FromMilliseconds(lower),
            TransmissionBlockSize = 64 * 1024,
            MemoryAllocator = RaftBuffers.Allocator,
            ColdStart = false,
            ConfigurationStorage = null,
            LoggerFactory = loggers,
            SslOptions = tls,
        };

        // Null storage makes DotNext create its in-memory static membership; fill it with the topology's orderers.
        var storage = configuration.ConfigurationStorage as InMemoryClusterConfigurationStorage<EndPoint>
            ?? throw new InvalidOperationException("DotNext did not create an in-memory cluster configuration storage.");
        var initial = storage.CreateInitialConfigurationBuilder();
        foreach (var member in members)
        {
            initial.Add(member.RaftEndPoint);
        }

        initial.Build();
        _cluster = new RaftCluster(configuration) { AuditTrail = _log };
        _cluster.LeaderChanged += OnLeaderChanged;
    }

    public event Action? LeadershipChanged;

    /// <summary>The number of blocks this node pulled from other orderers after installing a leader's snapshot.</summary>
    public long PulledBlocks => _puller.PulledBlocks;

    /// <summary>
    /// Restores the state machine from its latest snapshot (pulling blocks the stores lack), then opens the
    /// WAL (<c>raft</c> under <paramref name="dataDirectory"/>, snapshots in <c>raft-snapshots</c>) and the cluster.
    /// </summary>
    public static async Task<RaftConsensus> CreateAsync(string name, IReadOnlyList<ClusterMember> members, string dataDirectory, IReadOnlyDictionary<string, OrdererChannel> channels, BlockPuller puller, RaftOptions options, SslOptions? tls, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Ceiba.Network.Orderer.Raft");
        var walDirectory = Path.Combine(dataDirectory, "raft");
        var stateMachine = new BlockStateMachine(new DirectoryInfo(Path.Combine(dataDirectory, "raft-snapshots")), channels, puller, options.SnapshotIntervalBytes, logger, new WalChunkPages(walDirectory));
        await stateMachine.RestoreAsync(cancellationToken).ConfigureAwait(false);
        return new RaftConsensus(name, members, walDirectory, stateMachine, puller, options, tls, loggers, logger);
    }

    public bool IsLeader => _cluster.Leader is { IsRemote: false } && !_cluster.LeadershipToken.IsCancellationRequested;

    public bool IsReady => _cluster.Leader is not null && (IsLeader || !_cluster.ConsensusToken.IsCancellationRequested);

    public ClusterMember? RemoteLeader => _cluster.Leader is { IsRemote: true, EndPoint: IPEndPoint endPoint }
        ? _members.FirstOrDefault(m => m.RaftEndPoint.Equals(endPoint))
        : null;

    public string Description => $"raft ({_members.Count} members, DotNext WAL)";

    public Task StartAsync(CancellationToken cancellationToken) => _cluster.StartAsync(cancellationToken);

    public async Task<bool> CommitAsync(string channel, IReadOnlyList<Block> blocks, CancellationToken cancellationToken)
    {
        var entry = RaftEntry.Encode(channel, blocks, out var rented);
        try
        {
            await _cluster.ReplicateAsync(entry, new RaftEntry.Decoded(channel, blocks), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is NotLeaderException or QuorumUnreachableException or TimeoutException or InvalidOperationException)
        {
            Log.ReplicationFailed(_logger, channel, blocks[0].Header.Number, error.Message);
            return false;
        }
        finally
        {
            // ReplicateAsync has copied the entry into the WAL by the time it returns or fails.
            RaftBuffers.Pool.Return(rented);
        }
    }

    public Task CatchUpAsync(CancellationToken cancellationToken) => _cluster.ApplyReadBarrierAsync(cancellationToken).AsTask();

    public async ValueTask DisposeAsync()
    {
        _cluster.LeaderChanged -= OnLeaderChanged;
        await _cluster.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _cluster.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
        await _stateMachine.DisposeAsync().ConfigureAwait(false);
    }

    private void OnLeaderChanged(ICluster cluster, IClusterMember? leader)
    {
        Log.LeaderChanged(_logger, _name, leader is null ? "(none)" : leader.IsRemote ? leader.EndPoint.ToString() ?? "?" : "this node");
        LeadershipChanged?.Invoke();
    }
}
