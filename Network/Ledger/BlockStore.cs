using System.Buffers.Binary;
using Ceiba.Network.Ledger.Internal;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Ledger;

/// <summary>
/// An append-only block store: one block file of length-prefixed blocks plus a fixed-width index of
/// file offsets. A block is appended only if it extends the chain (number = height, previous_hash =
/// the tip's header hash). Appends are flushed to disk before the height moves (once per batch of blocks); opening the store
/// drops a torn tail left by a crash. Thread-safe: one writer, any number of readers.
/// </summary>
public sealed partial class BlockStore : IDisposable
{
    private const string BlockFileName = "blocks.dat";
    private const string IndexFileName = "blocks.idx";

    private readonly Lock _writeLock = new();
    private readonly FileStream _blocks;
    private readonly FileStream _index;
    private readonly List<long> _offsets;
    private readonly HeightSignal _heightChanged = new();
    private byte[] _tipHash = [];
    private long _endOfData;

    private BlockStore(string directory, FileStream blocks, FileStream index, List<long> offsets, long endOfData)
    {
        Directory = directory;
        _blocks = blocks;
        _index = index;
        _offsets = offsets;
        _endOfData = endOfData;
        if (offsets.Count > 0)
        {
            _tipHash = BlockHashing.HeaderHash(GetBlock((ulong)offsets.Count - 1).Header);
        }
    }

    /// <summary>The store's directory.</summary>
    public string Directory { get; }

    /// <summary>The number of blocks: the next block's number.</summary>
    public ulong Height
    {
        get
        {
            lock (_writeLock)
            {
                return (ulong)_offsets.Count;
            }
        }
    }

    /// <summary>The header hash of the last block (empty when the store is empty): the next block's previous_hash.</summary>
    public ReadOnlyMemory<byte> TipHash
    {
        get
        {
            lock (_writeLock)
            {
                return _tipHash;
            }
        }
    }

    /// <summary>Raised after a block is durably appended, with the new height.</summary>
    public event Action<ulong>? HeightChanged;

    /// <summary>Opens (or creates) the store in <paramref name="directory"/>, recovering from a torn last write.</summary>
    public static BlockStore Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        System.IO.Directory.CreateDirectory(directory);
        var blocks = new FileStream(Path.Combine(directory, BlockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var index = new FileStream(Path.Combine(directory, IndexFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var (offsets, endOfData) = StoreRecovery.Recover(blocks, index);
        return new BlockStore(Path.GetFullPath(directory), blocks, index, offsets, endOfData);
    }

    /// <summary>Appends <paramref name="block"/> if it is the next block of the chain.</summary>
    /// <exception cref="BlockStoreException">The block's number or previous hash does not extend the chain, or its data hash is wrong.</exception>
    public void Append(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        Append([block]);
    }

    /// <summary>
    /// Appends consecutive <paramref name="blocks"/> that extend the chain, with one flush to disk for all of
    /// them: either every block is appended or, when one does not extend its predecessor, none is.
    /// </summary>
    /// <exception cref="BlockStoreException">A block's number or previous hash does not extend the chain, or its data hash is wrong.</exception>
    public void Append(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Count == 0)
        {
            return;
        }

        ulong height;
        lock (_writeLock)
        {
            var tipHash = _tipHash;
            var hashes = new byte[blocks.Count][];
            for (var i = 0; i < blocks.Count; i++)
            {
                ChainLink.Check(blocks[i], (ulong)_offsets.Count + (ulong)i, tipHash);
                tipHash = hashes[i] = BlockHashing.HeaderHash(blocks[i].Header);
            }

            var offsets = new long[blocks.Count];
            var entries = new byte[blocks.Count * sizeof(long)];
            var end = _endOfData;
            _blocks.Position = end;
            Span<byte> prefix = stackalloc byte[sizeof(int)];
            for (var i = 0; i < blocks.Count; i++)
            {
                var size = blocks[i].CalculateSize();
                var bytes = BlockBuffers.Pool.Rent(size);
                try
                {
                    blocks[i].WriteTo(bytes.AsSpan(0, size));
                    BinaryPrimitives.WriteInt32LittleEndian(prefix, size);
                    _blocks.Write(prefix);
                    _blocks.Write(bytes, 0, size);
                }
                finally
                {
                    BlockBuffers.Pool.Return(bytes);
                }

                offsets[i] = end;
                BinaryPrimitives.WriteInt64LittleEndian(entries.AsSpan(i * sizeof(long)), end);
                end += prefix.Length + size;
            }

            _blocks.Flush(flushToDisk: true);
            _index.Position = (long)_offsets.Count * sizeof(long);
            _index.Write(entries);
            _index.Flush(flushToDisk: true);

            _offsets.AddRange(offsets);
            _endOfData = end;
            _tipHash = hashes[^1];
            height = (ulong)_offsets.Count;
        }

        _heightChanged.Signal();
        HeightChanged?.Invoke(height);
    }

    /// <summary>True when <paramref name="block"/> is the next block: number = height and previous_hash = the tip hash.</summary>
    public bool Extends(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_writeLock)
        {
            return block.Header is { } header
                && header.Number == (ulong)_offsets.Count
                && header.PreviousHash.Span.SequenceEqual(_tipHash);
        }
    }

    /// <summary>Completes once the height exceeds <paramref name="number"/>, i.e. block <paramref name="number"/> exists.</summary>
    public async Task WaitForBlockAsync(ulong number, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = _heightChanged.Current;
            if (Height > number)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_writeLock)
        {
            _blocks.Dispose();
            _index.Dispose();
        }
    }
}
