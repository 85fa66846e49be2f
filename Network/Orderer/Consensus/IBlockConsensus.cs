using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>
/// How an orderer agrees on blocks: the leader cuts a block and commits it; every node's state
/// machine appends committed blocks to its store. A single node commits directly.
/// </summary>
internal interface IBlockConsensus : IAsyncDisposable
{
    /// <summary>True when this node may cut blocks.</summary>
    bool IsLeader { get; }

    /// <summary>True when a leader is known and this node is in its quorum.</summary>
    bool IsReady { get; }

    /// <summary>The leader's member, for forwarding; null when there is none or this node leads.</summary>
    ClusterMember? RemoteLeader { get; }

    /// <summary>A description such as <c>raft (3 members)</c>.</summary>
    string Description { get; }

    /// <summary>Raised when leadership changes: pipelines built on the old leadership must resynchronize.</summary>
    event Action? LeadershipChanged;

    /// <summary>Starts consensus (joins the cluster).</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Commits consecutive <paramref name="blocks"/> of <paramref name="channel"/> as one unit; false when they may not have been committed (retry needed).</summary>
    Task<bool> CommitAsync(string channel, IReadOnlyList<Block> blocks, CancellationToken cancellationToken);

    /// <summary>Completes once every entry committed so far is applied to the local stores (the leader's read barrier).</summary>
    Task CatchUpAsync(CancellationToken cancellationToken);
}
