using Ceiba.Testing.Chaincode.Internal;

namespace Ceiba.Testing.Chaincode;

/// <summary>
/// The world state, key metadata, history and private data a <see cref="ChaincodeDriver"/> serves to a chaincode.
/// Keys sort by UTF-8 bytes as in Fabric's LevelDB. Thread-safe; each commit is one block.
/// </summary>
public sealed class InMemoryLedger
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, byte[]> _state = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<string, Dictionary<string, byte[]>> _metadata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LedgerHistoryEntry>> _history = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Collection, string Key), byte[]> _private = [];

    /// <summary>The number of committed blocks (one per committed transaction).</summary>
    public ulong Height { get; private set; }

    /// <summary>Commits one key directly, as if a transaction <paramref name="txId"/> had written it.</summary>
    public void Put(string key, byte[] value, string txId = "seed", DateTimeOffset? timestamp = null) =>
        Commit(txId, timestamp ?? DateTimeOffset.UnixEpoch, [new LedgerWrite(key, value)], []);

    /// <summary>The committed value of a key, or null.</summary>
    public byte[]? Get(string key)
    {
        lock (_gate)
        {
            return _state.GetValueOrDefault(key);
        }
    }

    /// <summary>The committed value of a private key, or null.</summary>
    public byte[]? GetPrivate(string collection, string key)
    {
        lock (_gate)
        {
            return _private.GetValueOrDefault((collection, key));
        }
    }

    /// <summary>The committed metadata of a key (metakey → value).</summary>
    public IReadOnlyDictionary<string, byte[]> GetMetadata(string key)
    {
        lock (_gate)
        {
            return _metadata.TryGetValue(key, out var entries) ? new Dictionary<string, byte[]>(entries) : [];
        }
    }

    /// <summary>A snapshot of the keys in [<paramref name="startKey"/>, <paramref name="endKey"/>); an empty end is unbounded.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Range(string startKey, string endKey)
    {
        lock (_gate)
        {
            return [.. _state.Where(entry => Utf8KeyComparer.InRange(entry.Key, startKey, endKey))];
        }
    }

    /// <summary>Every committed change of a key, newest first, as Fabric's history database returns them.</summary>
    public IReadOnlyList<LedgerHistoryEntry> History(string key)
    {
        lock (_gate)
        {
            return _history.TryGetValue(key, out var entries) ? [.. Enumerable.Reverse(entries)] : [];
        }
    }

    /// <summary>Applies a transaction's writes as one block.</summary>
    public void Commit(string txId, DateTimeOffset timestamp, IReadOnlyList<LedgerWrite> writes, IReadOnlyList<MetadataWrite> metadataWrites)
    {
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(metadataWrites);
        lock (_gate)
        {
            foreach (var write in writes)
            {
                Apply(txId, timestamp, write);
            }
            foreach (var write in metadataWrites.Where(w => w.Collection.Length == 0))
            {
                if (!_metadata.TryGetValue(write.Key, out var entries))
                {
                    _metadata[write.Key] = entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                }
                entries[write.Metakey] = write.Value;
            }
            Height++;
        }
    }

    private void Apply(string txId, DateTimeOffset timestamp, LedgerWrite write)
    {
        if (write.Collection.Length > 0)
        {
            if (write.IsDelete)
            {
                _private.Remove((write.Collection, write.Key));
            }
            else
            {
                _private[(write.Collection, write.Key)] = write.Value;
            }
            return;
        }
        if (write.IsDelete)
        {
            _state.Remove(write.Key);
            _metadata.Remove(write.Key);
        }
        else
        {
            _state[write.Key] = write.Value;
        }
        if (!_history.TryGetValue(write.Key, out var entries))
        {
            _history[write.Key] = entries = [];
        }
        entries.Add(new LedgerHistoryEntry(txId, write.IsDelete ? [] : write.Value, timestamp, write.IsDelete));
    }
}
