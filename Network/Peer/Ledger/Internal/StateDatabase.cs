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

    public static StateDatabase Open(string directory)
    {
        Directory.CreateDirectory(directory);
        var options = new DbOptions().SetCreateIfMissing(true).SetCreateMissingColumnFamilies(true);
        var families = new ColumnFamilies();
        foreach (var name in new[] { StateFamily, HistoryFamily, TxIdFamily, MetaFamily })
        {
            families.Add(name, new ColumnFamilyOptions());
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
