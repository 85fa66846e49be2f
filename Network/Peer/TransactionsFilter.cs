using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Network.Peer;

/// <summary>Reads and writes a block's TRANSACTIONS_FILTER: raw bytes, one TxValidationCode per transaction.</summary>
public static class TransactionsFilter
{
    private const int Index = (int)BlockMetadataIndex.TransactionsFilter;

    /// <summary>The filter of <paramref name="block"/>; transactions without an entry read as NOT_VALIDATED.</summary>
    public static byte[] Read(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var count = block.Data?.Data.Count ?? 0;
        var filter = new byte[count];
        Array.Fill(filter, (byte)TxValidationCode.NotValidated);
        if (block.Metadata is { } metadata && metadata.Metadata.Count > Index)
        {
            var stored = metadata.Metadata[Index].Span;
            stored[..Math.Min(stored.Length, count)].CopyTo(filter);
        }

        return filter;
    }

    /// <summary>Writes <paramref name="codes"/> as the filter of <paramref name="block"/>, adding metadata entries as needed.</summary>
    public static void Write(Block block, IReadOnlyList<TxValidationCode> codes)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(codes);
        block.Metadata ??= new BlockMetadata();
        while (block.Metadata.Metadata.Count <= (int)BlockMetadataIndex.CommitHash)
        {
            block.Metadata.Metadata.Add(ByteString.Empty);
        }

        block.Metadata.Metadata[Index] = ByteString.CopyFrom([.. codes.Select(c => (byte)c)]);
    }
}
