using System.Runtime.CompilerServices;
using Ceiba.Chaincode.Shim;

namespace Ceiba.Chaincode.Testing;

/// <content>World state, range and composite-key queries with pagination, history, key-level endorsement.</content>
internal sealed partial class InMemoryStub
{
    private const string SimpleKeySpaceStart = "\u0001";

    public Task<byte[]> GetStateAsync(string key)
    {
        RequireKey(key);
        StateReads++;
        return Task.FromResult(_ledger.State.TryGetValue(key, out var value) ? value : []);
    }

    public Task PutStateAsync(string key, ReadOnlyMemory<byte> value)
    {
        RequireKey(key);
        Writes[key] = value.IsEmpty ? null : value.ToArray();
        return Task.CompletedTask;
    }

    public Task DeleteStateAsync(string key)
    {
        RequireKey(key);
        Writes[key] = null;
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<KeyValue> GetStateByRangeAsync(string startKey, string endKey)
    {
        RequireSimpleKeys(startKey, endKey);
        return Results(_ledger.Range(startKey.Length == 0 ? SimpleKeySpaceStart : startKey, endKey));
    }

    public Task<QueryPage<KeyValue>> GetStateByRangeWithPaginationAsync(string startKey, string endKey, int pageSize, string bookmark = "")
    {
        RequireSimpleKeys(startKey, endKey);
        return Task.FromResult(Page(startKey.Length == 0 ? SimpleKeySpaceStart : startKey, endKey, pageSize, bookmark));
    }

    public IAsyncEnumerable<KeyValue> GetStateByPartialCompositeKeyAsync(string objectType, params IReadOnlyList<string> attributes)
    {
        var start = CompositeKey.Create(objectType, attributes);
        return Results(_ledger.Range(start, start + CompositeKey.MaxUnicodeRune));
    }

    public Task<QueryPage<KeyValue>> GetStateByPartialCompositeKeyWithPaginationAsync(
        string objectType, IReadOnlyList<string> attributes, int pageSize, string bookmark = "")
    {
        var start = CompositeKey.Create(objectType, attributes);
        return Task.FromResult(Page(start, start + CompositeKey.MaxUnicodeRune, pageSize, bookmark));
    }

    public IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key)
    {
        RequireKey(key);
        return Results(_ledger.History(key));
    }

    public Task SetStateValidationParameterAsync(string key, ReadOnlyMemory<byte> endorsementPolicy)
    {
        RequireKey(key);
        ValidationParameterWrites[key] = endorsementPolicy.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]> GetStateValidationParameterAsync(string key)
    {
        RequireKey(key);
        return Task.FromResult(_ledger.ValidationParameters.TryGetValue(key, out var policy) ? policy : []);
    }

    private QueryPage<KeyValue> Page(string start, string end, int pageSize, string bookmark)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var from = bookmark.Length == 0 ? start : bookmark;
        var window = _ledger.Range(from, end).Take(pageSize + 1).ToList();
        var items = window.Take(pageSize).ToList();
        QueryResultsReturned += items.Count;
        var next = window.Count > pageSize ? window[pageSize].Key : string.Empty;
        return new QueryPage<KeyValue>(items, new QueryResponseMetadata(items.Count, next));
    }

    private async IAsyncEnumerable<T> Results<T>(IEnumerable<T> results, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var result in results.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            QueryResultsReturned++;
            yield return result;
            await Task.Yield();
        }
    }

    private static void RequireSimpleKeys(string startKey, string endKey)
    {
        if (startKey.StartsWith(CompositeKey.Separator) || endKey.StartsWith(CompositeKey.Separator))
        {
            throw new ArgumentException("Range queries take simple keys; use a partial composite key query for composite keys.");
        }
    }
}
