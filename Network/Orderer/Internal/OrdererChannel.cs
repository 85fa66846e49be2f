using Ceiba.Network.Ledger;
using Ceiba.Network.Orderer.Cutting;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology.Generation.ChannelConfig;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>One channel an orderer serves: its config-derived limits and policies, and its block store.</summary>
internal sealed class OrdererChannel(string name, BatchLimits limits, ChannelPolicies policies, BlockStore store)
{
    public string Name { get; } = name;

    public BatchLimits Limits { get; } = limits;

    public ChannelPolicies Policies { get; } = policies;

    public BlockStore Store { get; } = store;

    /// <summary>The leader-side ordering pipeline; set once the node starts.</summary>
    public ChainOrderer? Orderer { get; set; }

    /// <summary>Opens the channel's store under <paramref name="dataDirectory"/>, writing the genesis block first if the store is new.</summary>
    public static OrdererChannel Open(string name, Block genesis, string dataDirectory, TimeProvider clock)
    {
        var config = GenesisBlockFactory.ReadConfig(genesis);
        var store = BlockStore.Open(Path.Combine(dataDirectory, "chains", name));
        if (store.Height == 0)
        {
            store.Append(genesis);
        }

        return new OrdererChannel(name, BatchLimits.FromConfig(config.ChannelGroup), ChannelPolicies.FromConfig(config.ChannelGroup, clock), store);
    }

    /// <summary>
    /// Appends the blocks of one committed entry (consecutive, from one leader) with one flush: blocks already
    /// stored are skipped, and the rest is appended if it extends the chain. Returns the number appended.
    /// </summary>
    public int ApplyCommitted(IReadOnlyList<Block> blocks)
    {
        var height = Store.Height;
        var fresh = blocks.Where(b => b.Header.Number >= height).ToList();
        if (fresh.Count == 0 || !Store.Extends(fresh[0]))
        {
            return 0;
        }

        Store.Append(fresh);
        return fresh.Count;
    }
}
