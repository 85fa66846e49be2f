using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Ledger.Internal;

/// <summary>Whether a block is the next link of the chain: its number is the height, its previous_hash the tip's header hash, its data_hash its data's.</summary>
internal static class ChainLink
{
    /// <exception cref="BlockStoreException">The block does not extend the chain; the message says how.</exception>
    public static void Check(Block block, ulong height, byte[] tipHash)
    {
        var header = block.Header ?? throw new BlockStoreException("the block has no header");
        if (header.Number != height)
        {
            throw new BlockStoreException($"block {header.Number} does not extend the chain: the height is {height}");
        }

        if (!header.PreviousHash.Span.SequenceEqual(tipHash))
        {
            throw new BlockStoreException($"block {header.Number}: previous_hash {Convert.ToHexStringLower(header.PreviousHash.Span)} is not the hash of block {header.Number - 1}");
        }

        if (block.Data is null || !header.DataHash.Span.SequenceEqual(BlockHashing.DataHash(block.Data)))
        {
            throw new BlockStoreException($"block {header.Number}: data_hash does not match the data");
        }
    }
}
