using System.Runtime.CompilerServices;
using Ceiba.Network.Protos.Ledger.QueryResult;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;
using WireKeyModification = Ceiba.Network.Protos.Ledger.QueryResult.KeyModification;
using WireQueryResponseMetadata = Ceiba.Network.Protos.Peer.QueryResponseMetadata;

namespace Ceiba.Chaincode.Shim.Internal;

/// <content>Range, composite-key and history queries: batches fetched with QUERY_STATE_NEXT, closed when left early.</content>
internal sealed partial class TransactionStub
{
    /// <summary>Fabric substitutes this for an empty start key so that ranges skip the composite-key space.</summary>
    private const string EmptyKeySubstitute = "\u0001";

    public IAsyncEnumerable<KeyValue> GetStateByRangeAsync(string startKey, string endKey) =>
        Range(string.Empty, startKey, endKey);

    public Task<QueryPage<KeyValue>> GetStateByRangeWithPaginationAsync(string startKey, string endKey, int pageSize, string bookmark = "")
    {
        ValidateSimpleKeys(startKey, endKey);
        return PageAsync(RangeRequest(string.Empty, startKey, endKey, pageSize, bookmark));
    }

    public IAsyncEnumerable<KeyValue> GetStateByPartialCompositeKeyAsync(string objectType, params IReadOnlyList<string> attributes)
    {
        var startKey = CompositeKey.Create(objectType, attributes);
        var request = new GetStateByRange { StartKey = startKey, EndKey = startKey + CompositeKey.MaxUnicodeRune };
        return IterateAsync(MessageType.GetStateByRange, request, ToKeyValue);
    }

    public Task<QueryPage<KeyValue>> GetStateByPartialCompositeKeyWithPaginationAsync(
        string objectType, IReadOnlyList<string> attributes, int pageSize, string bookmark = "")
    {
        var startKey = CompositeKey.Create(objectType, attributes);
        return PageAsync(RangeRequest(string.Empty, startKey, startKey + CompositeKey.MaxUnicodeRune, pageSize, bookmark));
    }

    public IAsyncEnumerable<Shim.KeyModification> GetHistoryForKeyAsync(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return IterateAsync(MessageType.GetHistoryForKey, new GetHistoryForKey { Key = key }, bytes =>
        {
            var modification = WireKeyModification.Parser.ParseFrom(bytes);
            return new Shim.KeyModification(
                modification.TxId,
                modification.Value.ToByteArray(),
                modification.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
                modification.IsDelete);
        });
    }

    private IAsyncEnumerable<KeyValue> Range(string collection, string startKey, string endKey)
    {
        ValidateSimpleKeys(startKey, endKey);
        var request = new GetStateByRange
        {
            StartKey = startKey.Length == 0 ? EmptyKeySubstitute : startKey,
            EndKey = endKey,
            Collection = collection,
        };
        return IterateAsync(MessageType.GetStateByRange, request, ToKeyValue);
    }

    private static GetStateByRange RangeRequest(string collection, string startKey, string endKey, int pageSize, string bookmark)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentNullException.ThrowIfNull(bookmark);
        return new GetStateByRange
        {
            StartKey = startKey.Length == 0 ? EmptyKeySubstitute : startKey,
            EndKey = endKey,
            Collection = collection,
            Metadata = new QueryMetadata { PageSize = pageSize, Bookmark = bookmark }.ToByteString(),
        };
    }

    private async Task<QueryPage<KeyValue>> PageAsync(GetStateByRange request)
    {
        var items = new List<KeyValue>();
        var response = await QueryAsync(MessageType.GetStateByRange, request).ConfigureAwait(false);
        var metadata = ByteString.Empty;
        while (true)
        {
            items.AddRange(response.Results.Select(result => ToKeyValue(result.ResultBytes)));
            // The peer sends the page's metadata with the batch that ends the page.
            metadata = response.Metadata.IsEmpty ? metadata : response.Metadata;
            if (!response.HasMore)
            {
                break;
            }
            response = await QueryAsync(MessageType.QueryStateNext, new QueryStateNext { Id = response.Id }).ConfigureAwait(false);
        }
        var decoded = metadata.IsEmpty
            ? new WireQueryResponseMetadata { FetchedRecordsCount = items.Count }
            : Decode(WireQueryResponseMetadata.Parser, metadata, MessageType.GetStateByRange);
        return new QueryPage<KeyValue>(items, new Shim.QueryResponseMetadata(decoded.FetchedRecordsCount, decoded.Bookmark));
    }

    private async IAsyncEnumerable<T> IterateAsync<T>(
        MessageType type, IMessage request, Func<ByteString, T> decode, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await QueryAsync(type, request).ConfigureAwait(false);
        // The peer keeps an iterator open while it says has_more; after an error or the last batch it has closed it.
        var peerIteratorOpen = response.HasMore;
        try
        {
            while (true)
            {
                foreach (var result in response.Results)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return decode(result.ResultBytes);
                }
                if (!response.HasMore)
                {
                    yield break;
                }
                peerIteratorOpen = false;
                response = await QueryAsync(MessageType.QueryStateNext, new QueryStateNext { Id = response.Id }).ConfigureAwait(false);
                peerIteratorOpen = response.HasMore;
            }
        }
        finally
        {
            if (peerIteratorOpen)
            {
                await CloseQuietlyAsync(response.Id).ConfigureAwait(false);
            }
        }
    }

    private async Task<QueryResponse> QueryAsync(MessageType type, IMessage request)
    {
        var reply = await _context.RequestAsync(type, request).ConfigureAwait(false);
        return Decode(QueryResponse.Parser, reply, type);
    }

    private async Task CloseQuietlyAsync(string iteratorId)
    {
        try
        {
            await _context.RequestAsync(MessageType.QueryStateClose, new QueryStateClose { Id = iteratorId }).ConfigureAwait(false);
        }
        catch (PeerRequestException)
        {
            // Best effort: the peer also drops a transaction's iterators when the transaction ends.
        }
    }

    private static KeyValue ToKeyValue(ByteString bytes)
    {
        var kv = KV.Parser.ParseFrom(bytes);
        return new KeyValue(kv.Key, kv.Value.ToByteArray());
    }

    private static void ValidateSimpleKeys(string startKey, string endKey)
    {
        ArgumentNullException.ThrowIfNull(startKey);
        ArgumentNullException.ThrowIfNull(endKey);
        foreach (var key in (ReadOnlySpan<string>)[startKey, endKey])
        {
            if (key.Length > 0 && key[0] == CompositeKey.Separator)
            {
                throw new ArgumentException($"first character of the key [{key}] contains a null character which is not allowed");
            }
        }
    }
}
