namespace Ceiba.Chaincode.Shim;

/// <content>World-state reads, writes, range and history queries, and key-level endorsement.</content>
public partial interface IChaincodeStub
{
    /// <summary>Reads a key (GET_STATE).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The committed value, or an empty array when the key does not exist.</returns>
    Task<byte[]> GetStateAsync(string key);

    /// <summary>Writes a key into the transaction's write set (PUT_STATE).</summary>
    /// <param name="key">The key; must not be empty.</param>
    /// <param name="value">The value.</param>
    /// <returns>A task that completes when the peer acknowledged the write.</returns>
    Task PutStateAsync(string key, ReadOnlyMemory<byte> value);

    /// <summary>Deletes a key in the transaction's write set (DEL_STATE).</summary>
    /// <param name="key">The key; must not be empty.</param>
    /// <returns>A task that completes when the peer acknowledged the delete.</returns>
    Task DeleteStateAsync(string key);

    /// <summary>
    /// Iterates keys in [<paramref name="startKey"/>, <paramref name="endKey"/>) in key order (GET_STATE_BY_RANGE,
    /// then QUERY_STATE_NEXT per batch). Disposing the enumerator early sends QUERY_STATE_CLOSE.
    /// </summary>
    /// <param name="startKey">The first key; empty means the start of the simple-key space.</param>
    /// <param name="endKey">The key after the last; empty means no upper bound.</param>
    /// <returns>The keys and values.</returns>
    /// <exception cref="ArgumentException">A key is a composite key (starts with U+0000).</exception>
    IAsyncEnumerable<KeyValue> GetStateByRangeAsync(string startKey, string endKey);

    /// <summary>One page of a range query (GET_STATE_BY_RANGE with query metadata).</summary>
    /// <param name="startKey">The first key; empty means the start of the simple-key space.</param>
    /// <param name="endKey">The key after the last; empty means no upper bound.</param>
    /// <param name="pageSize">The maximum number of results; must be positive.</param>
    /// <param name="bookmark">The bookmark returned with the previous page, or empty for the first page.</param>
    /// <returns>The page and its metadata (fetched count and the bookmark for the next page).</returns>
    Task<QueryPage<KeyValue>> GetStateByRangeWithPaginationAsync(string startKey, string endKey, int pageSize, string bookmark = "");

    /// <summary>Iterates all keys whose composite-key prefix matches <paramref name="objectType"/> and the given attributes.</summary>
    /// <param name="objectType">The object type.</param>
    /// <param name="attributes">A prefix of the attributes (possibly none).</param>
    /// <returns>The matching keys and values.</returns>
    IAsyncEnumerable<KeyValue> GetStateByPartialCompositeKeyAsync(string objectType, params IReadOnlyList<string> attributes);

    /// <summary>One page of a partial composite key query.</summary>
    /// <param name="objectType">The object type.</param>
    /// <param name="attributes">A prefix of the attributes (possibly none).</param>
    /// <param name="pageSize">The maximum number of results; must be positive.</param>
    /// <param name="bookmark">The bookmark returned with the previous page, or empty for the first page.</param>
    /// <returns>The page and its metadata.</returns>
    Task<QueryPage<KeyValue>> GetStateByPartialCompositeKeyWithPaginationAsync(
        string objectType, IReadOnlyList<string> attributes, int pageSize, string bookmark = "");

    /// <summary>Iterates every committed change of a key, newest first (GET_HISTORY_FOR_KEY).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The modifications.</returns>
    IAsyncEnumerable<KeyModification> GetHistoryForKeyAsync(string key);

    /// <summary>Sets a key-level endorsement policy (PUT_STATE_METADATA with metakey VALIDATION_PARAMETER).</summary>
    /// <param name="key">The key.</param>
    /// <param name="endorsementPolicy">A marshaled <c>common.SignaturePolicyEnvelope</c>.</param>
    /// <returns>A task that completes when the peer acknowledged the write.</returns>
    Task SetStateValidationParameterAsync(string key, ReadOnlyMemory<byte> endorsementPolicy);

    /// <summary>Reads a key-level endorsement policy (GET_STATE_METADATA).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The marshaled policy, or an empty array when the key has none.</returns>
    Task<byte[]> GetStateValidationParameterAsync(string key);
}
