using System.Buffers;

namespace Ceiba.Network.Ledger;

/// <summary>
/// A pool of block-sized byte arrays (blocks and Raft entries of ~0.5–1.5 MiB) that sizes each array to the rental,
/// rounded up to <see cref="Granularity"/>, and keeps at most a few. <see cref="ArrayPool{T}.Shared"/> and
/// <see cref="ArrayPool{T}.Create(int, int)"/> round to the next power of two: a 1.1 MiB block takes a 2 MiB array, and
/// each kept array costs ~0.9 MiB of large-object heap that is never used. Rentals below <see cref="Granularity"/> go
/// to the shared pool.
/// </summary>
/// <param name="maxArrays">How many arrays the pool keeps; when full, a returned array replaces the smallest kept one if it is larger.</param>
/// <param name="maxArrayLength">The largest array the pool keeps; bigger rentals get fresh arrays, dropped when returned.</param>
public sealed class BlockSizedArrayPool(int maxArrays, int maxArrayLength) : ArrayPool<byte>
{
    /// <summary>Array lengths are multiples of this (64 KiB), and smaller rentals use the shared pool.</summary>
    public const int Granularity = 64 * 1024;

    private readonly Lock _lock = new();
    private readonly List<byte[]> _kept = new(maxArrays);

    /// <summary>The number of arrays kept now.</summary>
    public int KeptCount
    {
        get
        {
            lock (_lock)
            {
                return _kept.Count;
            }
        }
    }

    /// <inheritdoc />
    public override byte[] Rent(int minimumLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumLength);
        if (minimumLength < Granularity)
        {
            return Shared.Rent(minimumLength);
        }

        if (minimumLength <= maxArrayLength)
        {
            lock (_lock)
            {
                // Kept arrays are in ascending length: the first that fits is the smallest that fits.
                var index = _kept.FindIndex(array => array.Length >= minimumLength);
                if (index >= 0)
                {
                    var array = _kept[index];
                    _kept.RemoveAt(index);
                    return array;
                }
            }
        }

        var length = minimumLength <= maxArrayLength ? (int)Math.Min((long)maxArrayLength, ((long)minimumLength + Granularity - 1) / Granularity * Granularity) : minimumLength;
        return GC.AllocateUninitializedArray<byte>(length);
    }

    /// <inheritdoc />
    public override void Return(byte[] array, bool clearArray = false)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Length < Granularity)
        {
            Shared.Return(array, clearArray);
            return;
        }

        if (array.Length > maxArrayLength)
        {
            return;
        }

        if (clearArray)
        {
            Array.Clear(array);
        }

        lock (_lock)
        {
            if (_kept.Count >= maxArrays)
            {
                if (maxArrays == 0 || _kept[0].Length >= array.Length)
                {
                    return;
                }

                _kept.RemoveAt(0);
            }

            var index = _kept.FindIndex(kept => kept.Length >= array.Length);
            _kept.Insert(index < 0 ? _kept.Count : index, array);
        }
    }
}
