using RocksDbSharp;

namespace Ceiba.Network.Peer.Ledger.Internal;

/// <summary>
/// The RocksDB instance of a peer ledger: column families for world state, key history, the tx-id
/// index and ledger metadata (savepoint, checkpoint hashes). Writes are atomic batches synced to disk.
/// </summary>
internal sealed class StateDatabase : IDisposable
{
    private const string StateFamily = "state";
    private const string HistoryFamily = "history";
    private const string TxIdFamily = "txids";
    private const string MetaFamily = "meta";

    private readonly RocksDb _db;
    private readonly WriteOptions _syncWrites = new WriteOptions().SetSync(true);

    private StateDatabase(RocksDb db)
    {
        _db = db;
        State = db.GetColumnFamily(StateFamily);
        History = db.GetColumnFamily(HistoryFamily);
        TxIds = db.GetColumnFamily(TxIdFamily);
        Meta = db.GetColumnFamily(MetaFamily);
    }

    public ColumnFamilyHandle State { get; }

    public ColumnFamilyHandle History { get; }

    public ColumnFamilyHandle TxIds { get; }

    public ColumnFamilyHandle Meta { get; }

    /// <summary>Per column family memtable size: RocksDB's default is 64 MiB, Fabric's LevelDB state database uses 4 MiB.</summary>
    internal const ulong MemtableBytes = 8 * 1024 * 1024;

    /// <summary>All memtables together; past this RocksDB flushes the largest, so the peer's memory stays bounded under sustained writes.</summary>
    internal const ulong AllMemtablesBytes = 24 * 1024 * 1024;

    /// <summary>One block cache for all column families (RocksDB gives each its own 32 MiB by default).</summary>
    internal const ulong BlockCacheBytes = 16 * 1024 * 1024;

    public static StateDatabase Open(string directory)
    {
        Directory.CreateDirectory(directory);
        var options = new DbOptions().SetCreateIfMissing(true).SetCreateMissingColumnFamilies(true).SetDbWriteBufferSize(AllMemtablesBytes);
        var tables = new BlockBasedTableOptions().SetBlockCache(Cache.CreateLru(BlockCacheBytes));
        ColumnFamilyOptions Family() => new ColumnFamilyOptions().SetWriteBufferSize(MemtableBytes).SetBlockBasedTableFactory(tables);
        var families = new ColumnFamilies(Family());
        foreach (var name in new[] { StateFamily, HistoryFamily, TxIdFamily, MetaFamily })
        {
            families.Add(name, Family());
        }

        try
        {
            return new StateDatabase(RocksDb.Open(options, directory, families));
        }
        catch (RocksDbException error)
        {
            throw new LedgerException($"cannot open the state database in {directory}: {error.Message}", error);
        }
    }

    public byte[]? Get(ColumnFamilyHandle family, byte[] key) => _db.Get(key, family);

    /// <summary>A RocksDB property of <paramref name="family"/>, such as <c>rocksdb.block-cache-capacity</c>.</summary>
    public string? Property(string name, ColumnFamilyHandle family) => _db.GetProperty(name, family);

    public void Write(WriteBatch batch) => _db.Write(batch, _syncWrites);

    /// <summary>The entries whose keys start with <paramref name="prefix"/> from <paramref name="start"/> (inclusive) up to <paramref name="end"/> (exclusive, null = to the end of the prefix).</summary>
    public IEnumerable<(byte[] Key, byte[] Value)> Scan(ColumnFamilyHandle family, byte[] prefix, byte[] start, byte[]? end)
    {
        using var iterator = _db.NewIterator(family);
        for (iterator.Seek(start); iterator.Valid(); iterator.Next())
        {
            var key = iterator.Key();
            if (!key.AsSpan().StartsWith(prefix) || (end is not null && key.AsSpan().SequenceCompareTo(end) >= 0))
            {
                yield break;
            }

            yield return (key, iterator.Value());
        }
    }

    public void Dispose() => _db.Dispose();
}
