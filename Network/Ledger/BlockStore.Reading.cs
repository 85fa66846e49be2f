using System.Buffers.Binary;
using Ceiba.Network.Ledger.Internal;
using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Ledger;

/// <summary>The read side of <see cref="BlockStore"/>: a block parsed, leased without copying its transactions, or as bytes.</summary>
public sealed partial class BlockStore
{
    /// <summary>Reads block <paramref name="number"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The block is beyond the height.</exception>
    public Block GetBlock(ulong number)
    {
        var bytes = Read(number, pooled: true, out var size);
        try
        {
            return Block.Parser.ParseFrom(bytes.AsSpan(0, size));
        }
        finally
        {
            BlockBuffers.Pool.Return(bytes);
        }
    }

    /// <summary>
    /// Reads block <paramref name="number"/> into a pooled buffer without copying its transactions out of it, for a
    /// caller that only serializes it again (Deliver). Dispose the lease once the block is written.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The block is beyond the height.</exception>
    public LeasedBlock LeaseBlock(ulong number)
    {
        var bytes = Read(number, pooled: true, out var size);
        try
        {
            return new LeasedBlock(bytes, size);
        }
        catch
        {
            BlockBuffers.Pool.Return(bytes);
            throw;
        }
    }

    /// <summary>Reads the serialized bytes of block <paramref name="number"/>, exactly as appended.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The block is beyond the height.</exception>
    public byte[] GetBlockBytes(ulong number) => Read(number, pooled: false, out _);

    /// <summary>Block <paramref name="number"/>'s bytes, in the first <paramref name="size"/> bytes of a pooled or an exact array.</summary>
    private byte[] Read(ulong number, bool pooled, out int size)
    {
        var (offset, length) = Locate(number);
        var bytes = pooled ? BlockBuffers.Pool.Rent(length) : new byte[length];
        try
        {
            RandomAccess.Read(_blocks.SafeFileHandle, bytes.AsSpan(0, length), offset + sizeof(int));
        }
        catch when (pooled)
        {
            BlockBuffers.Pool.Return(bytes);
            throw;
        }

        size = length;
        return bytes;
    }

    /// <summary>The file offset of block <paramref name="number"/>'s length prefix, and its length.</summary>
    private (long Offset, int Size) Locate(ulong number)
    {
        long offset;
        lock (_writeLock)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(number, (ulong)_offsets.Count);
            offset = _offsets[(int)number];
        }

        Span<byte> prefix = stackalloc byte[sizeof(int)];
        RandomAccess.Read(_blocks.SafeFileHandle, prefix, offset);
        return (offset, BinaryPrimitives.ReadInt32LittleEndian(prefix));
    }
}
