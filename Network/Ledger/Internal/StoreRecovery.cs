using System.Buffers.Binary;

namespace Ceiba.Network.Ledger.Internal;

/// <summary>
/// Rebuilds the in-memory index when a store opens: keeps index entries that point at complete
/// blocks, re-indexes complete blocks written after the last index entry (a crash between the two
/// writes), and truncates a torn tail of either file.
/// </summary>
internal static class StoreRecovery
{
    public static (List<long> Offsets, long EndOfData) Recover(FileStream blocks, FileStream index)
    {
        var offsets = new List<long>();
        var entries = new byte[index.Length / sizeof(long) * sizeof(long)];
        index.Position = 0;
        index.ReadExactly(entries);
        var length = blocks.Length;
        var end = 0L;
        for (var i = 0; i < entries.Length; i += sizeof(long))
        {
            var offset = BinaryPrimitives.ReadInt64LittleEndian(entries.AsSpan(i));
            if (offset != end || BlockEnd(blocks, offset, length) is not { } blockEnd)
            {
                break;
            }

            offsets.Add(offset);
            end = blockEnd;
        }

        while (BlockEnd(blocks, end, length) is { } next)
        {
            offsets.Add(end);
            end = next;
        }

        blocks.SetLength(end);
        index.SetLength((long)offsets.Count * sizeof(long));
        index.Position = 0;
        var rewritten = new byte[offsets.Count * sizeof(long)];
        for (var i = 0; i < offsets.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(rewritten.AsSpan(i * sizeof(long)), offsets[i]);
        }

        index.Write(rewritten);
        index.Flush(flushToDisk: true);
        blocks.Flush(flushToDisk: true);
        return (offsets, end);
    }

    private static long? BlockEnd(FileStream blocks, long offset, long length)
    {
        if (offset + sizeof(int) > length)
        {
            return null;
        }

        Span<byte> prefix = stackalloc byte[sizeof(int)];
        RandomAccess.Read(blocks.SafeFileHandle, prefix, offset);
        var size = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        var end = offset + sizeof(int) + size;
        return size > 0 && end <= length ? end : null;
    }
}
