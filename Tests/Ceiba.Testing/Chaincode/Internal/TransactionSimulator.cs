using System.Security.Cryptography;
using Ceiba.Network.Protos.Ledger.QueryResult;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Testing.Chaincode.Internal;

/// <summary>
/// Serves one transaction's requests from an <see cref="InMemoryLedger"/> as Fabric's peer does: reads see
/// committed state only, writes are buffered in the transaction, range and history results come in batches.
/// </summary>
internal sealed class TransactionSimulator(InMemoryLedger ledger, string chaincodeName, int batchSize)
{
    private readonly Dictionary<string, PeerQuery> _queries = new(StringComparer.Ordinal);
    private int _nextQueryId;

    public List<LedgerWrite> Writes { get; } = [];

    public List<MetadataWrite> MetadataWrites { get; } = [];

    public List<MessageType> Requests { get; } = [];

    public int OpenQueries => _queries.Count;

    /// <summary>QUERY_STATE_CLOSE requests for iterators that still had results (not already exhausted).</summary>
    public int EarlyCloses { get; private set; }

    /// <summary>Answers one request with RESPONSE or ERROR; the caller echoes txid and channel.</summary>
    public (MessageType Type, ByteString Payload) Serve(ChaincodeMessage request)
    {
        Requests.Add(request.Type);
        try
        {
            return (MessageType.Response, Handle(request));
        }
        catch (InvalidProtocolBufferException e)
        {
            return (MessageType.Error, ByteString.CopyFromUtf8($"malformed {request.Type} payload: {e.Message}"));
        }
        catch (InvalidOperationException e)
        {
            return (MessageType.Error, ByteString.CopyFromUtf8(e.Message));
        }
    }

    private ByteString Handle(ChaincodeMessage request)
    {
        var payload = request.Payload;
        switch (request.Type)
        {
            case MessageType.GetState:
            {
                var get = GetState.Parser.ParseFrom(payload);
                var value = get.Collection.Length == 0 ? ledger.Get(get.Key) : ledger.GetPrivate(get.Collection, get.Key);
                return value is null ? ByteString.Empty : ByteString.CopyFrom(value);
            }
            case MessageType.PutState:
            {
                var put = PutState.Parser.ParseFrom(payload);
                Writes.Add(new LedgerWrite(put.Key, put.Value.ToByteArray(), false, put.Collection));
                return ByteString.Empty;
            }
            case MessageType.DelState:
            {
                var del = DelState.Parser.ParseFrom(payload);
                Writes.Add(new LedgerWrite(del.Key, [], true, del.Collection));
                return ByteString.Empty;
            }
            case MessageType.PurgePrivateData:
            {
                var purge = PurgePrivateState.Parser.ParseFrom(payload);
                Writes.Add(new LedgerWrite(purge.Key, [], true, purge.Collection));
                return ByteString.Empty;
            }
            case MessageType.GetPrivateDataHash:
            {
                var get = GetState.Parser.ParseFrom(payload);
                var value = ledger.GetPrivate(get.Collection, get.Key);
                return value is null ? ByteString.Empty : ByteString.CopyFrom(SHA256.HashData(value));
            }
            case MessageType.GetStateMetadata:
            {
                var get = GetStateMetadata.Parser.ParseFrom(payload);
                var result = new StateMetadataResult();
                foreach (var (metakey, value) in ledger.GetMetadata(get.Key).OrderBy(entry => entry.Key, StringComparer.Ordinal))
                {
                    result.Entries.Add(new StateMetadata { Metakey = metakey, Value = ByteString.CopyFrom(value) });
                }
                return result.ToByteString();
            }
            case MessageType.PutStateMetadata:
            {
                var put = PutStateMetadata.Parser.ParseFrom(payload);
                MetadataWrites.Add(new MetadataWrite(put.Key, put.Metadata?.Metakey ?? string.Empty, put.Metadata?.Value.ToByteArray() ?? [], put.Collection));
                return ByteString.Empty;
            }
            case MessageType.GetStateByRange:
                return StartRange(GetStateByRange.Parser.ParseFrom(payload));
            case MessageType.GetHistoryForKey:
                return StartHistory(GetHistoryForKey.Parser.ParseFrom(payload));
            case MessageType.QueryStateNext:
                return Next(QueryStateNext.Parser.ParseFrom(payload).Id);
            case MessageType.QueryStateClose:
            {
                var id = QueryStateClose.Parser.ParseFrom(payload).Id;
                EarlyCloses += _queries.Remove(id) ? 1 : 0;
                return new QueryResponse { HasMore = false, Id = id }.ToByteString();
            }
            default:
                throw new InvalidOperationException($"the test peer does not serve {request.Type}");
        }
    }

    private ByteString StartRange(GetStateByRange range)
    {
        if (range.Collection.Length > 0)
        {
            throw new InvalidOperationException("the test peer does not serve private data range queries");
        }
        var matches = ledger.Range(range.StartKey, range.EndKey);
        QueryResponseMetadata? pageMetadata = null;
        if (!range.Metadata.IsEmpty)
        {
            var query = QueryMetadata.Parser.ParseFrom(range.Metadata);
            var start = query.Bookmark.Length > 0 ? query.Bookmark : range.StartKey;
            matches = ledger.Range(start, range.EndKey);
            var page = matches.Take(query.PageSize).ToList();
            // As LevelDB's scanner: the bookmark is the key after the page, or empty when the range is exhausted.
            var bookmark = matches.Count > page.Count ? matches[page.Count].Key : string.Empty;
            pageMetadata = new QueryResponseMetadata { FetchedRecordsCount = page.Count, Bookmark = bookmark };
            matches = page;
        }
        var results = matches
            .Select(entry => new KV { Namespace = chaincodeName, Key = entry.Key, Value = ByteString.CopyFrom(entry.Value) }.ToByteString())
            .ToList();
        return Open(results, pageMetadata);
    }

    private ByteString StartHistory(GetHistoryForKey history)
    {
        var results = ledger.History(history.Key)
            .Select(entry => new KeyModification
            {
                TxId = entry.TxId,
                Value = ByteString.CopyFrom(entry.Value),
                Timestamp = Timestamp.FromDateTimeOffset(entry.Timestamp),
                IsDelete = entry.IsDelete,
            }.ToByteString())
            .ToList();
        return Open(results, null);
    }

    private ByteString Open(IReadOnlyList<ByteString> results, QueryResponseMetadata? pageMetadata)
    {
        var query = new PeerQuery($"query-{++_nextQueryId}", results, batchSize, pageMetadata);
        var first = query.NextBatch();
        if (query.HasMore)
        {
            _queries[query.Id] = query;
        }
        return first.ToByteString();
    }

    private ByteString Next(string id)
    {
        if (!_queries.TryGetValue(id, out var query))
        {
            throw new InvalidOperationException($"query iterator {id} not found");
        }
        var batch = query.NextBatch();
        if (!query.HasMore)
        {
            _queries.Remove(id);
        }
        return batch.ToByteString();
    }
}
