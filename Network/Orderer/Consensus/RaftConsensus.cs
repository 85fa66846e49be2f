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
/// Raft among the orderers with DotNext.Net.Cluster over TCP (mutual TLS when the node serves TLS): a persistent write-ahead log on disk,
/// committed entries applied to the channels' block stores by <see cref="BlockStateMachine"/>. The
/// leader replicates the blocks it cut as log entries (several consecutive blocks per entry under load), so every node writes identical stores.
/// </summary>
internal sealed class RaftConsensus : IBlockConsensus
{
    /// <summary>The WAL's file size: DotNext's default keeps one 4 KiB file per page, which runs out of file handles with blocks of hundreds of KiB.</summary>
    private const int WalChunkSize = 8 * 1024 * 1024;

    private readonly string _name;
    private readonly IReadOnlyList<ClusterMember> _members;
    private readonly RaftCluster _cluster;
    private readonly WriteAheadLog _log;
    private readonly ILogger _logger;

    public RaftConsensus(string name, IReadOnlyList<ClusterMember> members, string walDirectory, IReadOnlyDictionary<string, OrdererChannel> channels, TimeSpan electionTimeout, SslOptions? tls, ILoggerFactory loggers)
    {
        _name = name;
        _members = members;
        _logger = loggers.CreateLogger("Ceiba.Network.Orderer.Raft");
        var self = members.FirstOrDefault(m => m.Name == name) ?? throw new InvalidOperationException($"orderer {name} is not among its cluster members");
        Directory.CreateDirectory(walDirectory);
        _log = new WriteAheadLog(
            new WriteAheadLog.Options { Location = walDirectory, ChunkSize = WalChunkSize },
            new BlockStateMachine(channels, _logger));

        var lower = (int)electionTimeout.TotalMilliseconds;
        var configuration = new RaftCluster.TcpConfiguration(self.RaftEndPoint)
        {
            LowerElectionTimeout = lower,
            UpperElectionTimeout = lower * 2,
            HeartbeatThreshold = 0.025,
            RequestTimeout = TimeSpan.FromSeconds(5),
            ConnectTimeout = TimeSpan.FromMilliseconds(lower),
            TransmissionBlockSize = 64 * 1024,
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

    public bool IsLeader => _cluster.Leader is { IsRemote: false } && !_cluster.LeadershipToken.IsCancellationRequested;

    public bool IsReady => _cluster.Leader is not null && (IsLeader || !_cluster.ConsensusToken.IsCancellationRequested);

    public ClusterMember? RemoteLeader => _cluster.Leader is { IsRemote: true, EndPoint: IPEndPoint endPoint }
        ? _members.FirstOrDefault(m => m.RaftEndPoint.Equals(endPoint))
        : null;

    public string Description => $"raft ({_members.Count} members, DotNext WAL)";

    public Task StartAsync(CancellationToken cancellationToken) => _cluster.StartAsync(cancellationToken);

    public async Task<bool> CommitAsync(string channel, IReadOnlyList<Block> blocks, CancellationToken cancellationToken)
    {
        var entry = RaftEntry.Encode(channel, blocks);
        try
        {
            await _cluster.ReplicateAsync(new ReadOnlyMemory<byte>(entry), null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is NotLeaderException or QuorumUnreachableException or TimeoutException or InvalidOperationException)
        {
            Log.ReplicationFailed(_logger, channel, blocks[0].Header.Number, error.Message);
            return false;
        }
    }

    public Task CatchUpAsync(CancellationToken cancellationToken) => _cluster.ApplyReadBarrierAsync(cancellationToken).AsTask();

    public async ValueTask DisposeAsync()
    {
        _cluster.LeaderChanged -= OnLeaderChanged;
        await _cluster.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _cluster.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    private void OnLeaderChanged(ICluster cluster, IClusterMember? leader)
    {
        Log.LeaderChanged(_logger, _name, leader is null ? "(none)" : leader.IsRemote ? leader.EndPoint.ToString() ?? "?" : "this node");
        LeadershipChanged?.Invoke();
    }
}
