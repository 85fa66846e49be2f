using Ceiba.Network.Orderer.Internal;
using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>A single ordering node: always the leader, and a block is committed once it is in the store.</summary>
internal sealed class SoloConsensus(IReadOnlyDictionary<string, OrdererChannel> channels) : IBlockConsensus
{
    public bool IsLeader => true;

    public bool IsReady => true;

    public ClusterMember? RemoteLeader => null;

    public string Description => "single node (no cluster)";

    public event Action? LeadershipChanged
    {
        add { }
        remove { }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> CommitAsync(string channel, IReadOnlyList<Block> blocks, CancellationToken cancellationToken) =>
        Task.FromResult(channels[channel].ApplyCommitted(blocks) == blocks.Count);

    public Task CatchUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
