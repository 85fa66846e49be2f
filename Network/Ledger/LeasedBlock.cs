using Ceiba.Network.Ledger.Internal;
using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Ledger;

/// <summary>
/// A stored block read into a pooled buffer, its transactions not copied out of it (see <see cref="BlockStore.LeaseBlock"/>).
/// <see cref="Block"/> must not be used after <see cref="Dispose"/>, which returns the buffer to the pool.
/// </summary>
public sealed class LeasedBlock : IDisposable
{
    private byte[]? _buffer;

    internal LeasedBlock(byte[] buffer, int length)
    {
        _buffer = buffer;
        Block = AliasedBlockReader.Read(buffer.AsMemory(0, length));
    }

    /// <summary>The block; its <c>data</c> entries alias the leased buffer.</summary>
    public Block Block { get; }

    /// <summary>Returns the buffer to the pool; the block must not be used afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            BlockBuffers.Pool.Return(buffer);
        }
    }
}
