using Ceiba.Chaincode.Shim;
using Ceiba.Network.Protos.Msp;

namespace Ceiba.Chaincode.Testing;

/// <summary>
/// The committed side of a test double for one chaincode namespace: world state in key order
/// (UTF-8 byte order, as Fabric's state database), the history of every key, and private data.
/// Transactions read it through an <see cref="InMemoryStub"/> and change it only on <see cref="Commit"/>.
/// </summary>
internal sealed class InMemoryLedger
{
    private readonly SortedDictionary<string, byte[]> _state = new(Utf8Ordinal.Instance);
    private readonly Dictionary<string, List<KeyModification>> _history = new(StringComparer.Ordinal);
    private int _transactions;

    /// <summary>The committed world state (simple and composite keys).</summary>
    public IReadOnlyDictionary<string, byte[]> State => _state;

    /// <summary>Committed key-level endorsement policies.</summary>
    public Dictionary<string, byte[]> ValidationParameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Committed private data, by (collection, key).</summary>
    public Dictionary<(string Collection, string Key), byte[]> PrivateData { get; } = [];

    /// <summary>The proposal timestamp of the first transaction; each later one is a second later.</summary>
    public DateTimeOffset Clock { get; set; } = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Starts a transaction: a stub over the committed state, with its own write set.</summary>
    /// <param name="creator">The submitting client.</param>
    /// <param name="function">Args[0].</param>
    /// <param name="args">The remaining arguments as UTF-8 strings.</param>
    /// <returns>The transaction's stub.</returns>
    public InMemoryStub NewTransaction(SerializedIdentity creator, string function, params string[] args)
    {
        var number = Interlocked.Increment(ref _transactions);
        var timestamp = Clock.AddSeconds(number - 1);
        var allArgs = new[] { function }.Concat(args).Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        return new InMemoryStub(this, $"tx{number:D6}", timestamp, creator, allArgs);
    }

    /// <summary>Applies a transaction's write set and records each written key's history.</summary>
    /// <param name="stub">The finished transaction.</param>
    public void Commit(InMemoryStub stub)
    {
        foreach (var (key, value) in stub.Writes)
        {
            if (value is null)
            {
                _state.Remove(key);
            }
            else
            {
                _state[key] = value;
            }

            if (!_history.TryGetValue(key, out var changes))
            {
                _history[key] = changes = [];
            }

            changes.Add(new KeyModification(stub.TxId, value ?? [], stub.TxTimestamp, value is null));
        }

        foreach (var (key, policy) in stub.ValidationParameterWrites)
        {
            ValidationParameters[key] = policy;
        }

        foreach (var (slot, value) in stub.PrivateWrites)
        {
            if (value is null)
            {
                PrivateData.Remove(slot);
            }
            else
            {
                PrivateData[slot] = value;
            }
        }
    }

    /// <summary>A key's committed changes, newest first (as Fabric 2.x returns them).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The changes.</returns>
    public IReadOnlyList<KeyModification> History(string key) =>
        _history.TryGetValue(key, out var changes) ? changes.AsEnumerable().Reverse().ToList() : [];

    /// <summary>Committed keys in [start, end) in key order; an empty end means no upper bound.</summary>
    /// <param name="start">The first key.</param>
    /// <param name="end">The key after the last, or empty.</param>
    /// <returns>The keys and values.</returns>
    public IEnumerable<KeyValue> Range(string start, string end) =>
        _state
            .Where(entry => Utf8Ordinal.Instance.Compare(entry.Key, start) >= 0
                && (end.Length == 0 || Utf8Ordinal.Instance.Compare(entry.Key, end) < 0))
            .Select(entry => new KeyValue(entry.Key, entry.Value));
}
