using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Validation.Internal;

/// <summary>
/// Multi-version concurrency control over one block, in transaction order: a read conflicts when an
/// earlier valid transaction of the block wrote the key, or when the committed version differs from
/// the read version; range queries are re-executed and any difference is a phantom.
/// </summary>
internal sealed class MvccCheck(PeerLedger ledger)
{
    private readonly Dictionary<string, SortedSet<string>> _written = new(StringComparer.Ordinal);

    public (TxValidationCode Code, string Reason) Check(ParsedTransaction transaction)
    {
        foreach (var ns in transaction.RwSets)
        {
            foreach (var read in ns.RwSet.Reads)
            {
                if (WrittenInBlock(ns.Namespace, read.Key))
                {
                    return (TxValidationCode.MvccReadConflict, $"{ns.Namespace}/{read.Key} was written by an earlier transaction of the block");
                }

                var committed = ledger.GetState(ns.Namespace, read.Key)?.Version;
                KeyVersion? expected = read.Version is { } v ? new KeyVersion(v.BlockNum, v.TxNum) : null;
                if (committed != expected)
                {
                    return (TxValidationCode.MvccReadConflict, $"{ns.Namespace}/{read.Key} was read at {Describe(expected)} but is at {Describe(committed)}");
                }
            }

            foreach (var range in ns.RwSet.RangeQueriesInfo)
            {
                if (!RangeUnchanged(ns.Namespace, range))
                {
                    return (TxValidationCode.PhantomReadConflict, $"the range [{range.StartKey}, {range.EndKey}) of {ns.Namespace} changed");
                }
            }
        }

        return (TxValidationCode.Valid, string.Empty);
    }

    /// <summary>Records the writes of a transaction found valid, for the later transactions of the block.</summary>
    public void Record(ParsedTransaction transaction)
    {
        foreach (var ns in transaction.RwSets)
        {
            if (!_written.TryGetValue(ns.Namespace, out var keys))
            {
                _written[ns.Namespace] = keys = new SortedSet<string>(StringComparer.Ordinal);
            }

            foreach (var write in ns.RwSet.Writes)
            {
                keys.Add(write.Key);
            }
        }
    }

    private bool WrittenInBlock(string ns, string key) => _written.TryGetValue(ns, out var keys) && keys.Contains(key);

    private bool RangeUnchanged(string ns, RangeQueryInfo range)
    {
        if (range.ReadsInfoCase != RangeQueryInfo.ReadsInfoOneofCase.RawReads)
        {
            return false;
        }

        var reads = range.RawReads.KvReads;
        var end = range.ItrExhausted ? range.EndKey : reads.Count == 0 ? range.StartKey : reads[^1].Key + "\0";
        if (_written.TryGetValue(ns, out var keys) && keys.Any(k => InRange(k, range.StartKey, end)))
        {
            return false;
        }

        if (!range.ItrExhausted && reads.Count == 0)
        {
            return true;
        }

        using var committed = ledger.GetStateRange(ns, range.StartKey, end).GetEnumerator();
        foreach (var read in reads)
        {
            if (!committed.MoveNext() || committed.Current.Key != read.Key || committed.Current.Value.Version != new KeyVersion(read.Version?.BlockNum ?? 0, read.Version?.TxNum ?? 0))
            {
                return false;
            }
        }

        return !committed.MoveNext();
    }

    private static bool InRange(string key, string start, string end) =>
        string.CompareOrdinal(key, start) >= 0 && (end.Length == 0 || string.CompareOrdinal(key, end) < 0);

    private static string Describe(KeyVersion? version) => version?.ToString() ?? "absent";
}
