using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Delivery.Internal;

/// <summary>
/// The DeliverFiltered form of a channel's last few committed blocks, built at commit time from the transactions the
/// validator already parsed. Streams that follow the chain's tip send these instead of reading and parsing each block
/// again; older blocks are filtered from the block store. The blocks are shared, so they must not be modified.
/// </summary>
internal sealed class RecentFilteredBlocks
{
    private const int Capacity = 16;
    private readonly FilteredBlock?[] _blocks = new FilteredBlock?[Capacity];
    private readonly Lock _lock = new();

    public void Add(FilteredBlock block)
    {
        lock (_lock)
        {
            _blocks[(int)(block.Number % Capacity)] = block;
        }
    }

    public FilteredBlock? Find(ulong number)
    {
        lock (_lock)
        {
            return _blocks[(int)(number % Capacity)] is { } block && block.Number == number ? block : null;
        }
    }
}
