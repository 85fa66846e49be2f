using System.Buffers;

namespace Ceiba.Network.Ledger.Internal;

/// <summary>
/// Buffers for serializing and reading whole blocks (up to AbsoluteMaxBytes, ~1 MiB at 500 transactions). Not
/// <see cref="ArrayPool{T}.Shared"/>: it rounds a 1.1 MiB block up to a 2 MiB array and keeps one per thread that
/// ever returned one, 16-20 MiB of large-object heap per process under load; this pool keeps two, sized to the blocks
/// (one for the block being appended, one for the block a Deliver stream is sending; further concurrent readers get
/// fresh arrays).
/// </summary>
internal static class BlockBuffers
{
    public static ArrayPool<byte> Pool { get; } = new BlockSizedArrayPool(maxArrays: 2, maxArrayLength: 16 * 1024 * 1024);
}
