using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Ledger.QueryResult;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Network.Peer.Chaincode.Internal;

/// <summary>
/// Serves one transaction's state requests against committed state and records its read-write set:
/// each key's first read with the committed version, the last write of each key, and every range
/// query with its raw reads. Reads never see the transaction's own writes.
/// </summary>
internal sealed class StateSimulator(PeerLedger ledger, string ns)
{
    private const int BatchSize = 100;

    private readonly Dictionary<string, KVRead> _reads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KVWrite> _writes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KVMetadataWrite> _metadataWrites = new(StringComparer.Ordinal);
    private readonly List<RangeQueryInfo> _ranges = [];
    private readonly Dictionary<string, ResultIterator> _iterators = new(StringComparer.Ordinal);
    private int _nextIterator;

    /// <summary>Answers one request with RESPONSE or ERROR.</summary>
    public (MessageType Type, ByteString Payload) Serve(ChaincodeMessage request)
    {
        try
        {
            return (MessageType.Response, Handle(request));
        }
        catch (InvalidProtocolBufferException error)
        {
            return (MessageType.Error, ByteString.CopyFromUtf8($"malformed {request.Type} payload: {error.Message}"));
        }
        catch (NotSupportedException error)
        {
            return (MessageType.Error, ByteString.CopyFromUtf8(error.Message));
        }
    }

    /// <summary>The recorded read-write set of the namespace, keys sorted.</summary>
    public KVRWSet ToRwSet()
    {
        var rwSet = new KVRWSet();
        rwSet.Reads.AddRange(_reads.Values.OrderBy(r => r.Key, StringComparer.Ordinal));
        rwSet.RangeQueriesInfo.AddRange(_ranges);
        rwSet.Writes.AddRange(_writes.Values.OrderBy(w => w.Key, StringComparer.Ordinal));
        rwSet.MetadataWrites.AddRange(_metadataWrites.Values.OrderBy(w => w.Key, StringComparer.Ordinal));
        return rwSet;
    }

    private ByteString Handle(ChaincodeMessage request)
    {
        var payload = request.Payload;
        switch (request.Type)
        {
            case MessageType.GetState:
                var get = GetState.Parser.ParseFrom(payload.Span);
                RequirePublic(get.Collection);
                return Read(get.Key) is { } value ? ByteString.CopyFrom(value.Value) : ByteString.Empty;
            case MessageType.PutState:
                var put = PutState.Parser.ParseFrom(payload.Span);
                RequirePublic(put.Collection);
                _writes[put.Key] = new KVWrite { Key = put.Key, Value = put.Value };
                return ByteString.Empty;
            case MessageType.DelState:
                var delete = DelState.Parser.ParseFrom(payload.Span);
                RequirePublic(delete.Collection);
                _writes[delete.Key] = new KVWrite { Key = delete.Key, IsDelete = true };
                return ByteString.Empty;
            case MessageType.GetStateMetadata:
                var getMetadata = GetStateMetadata.Parser.ParseFrom(payload.Span);
                RequirePublic(getMetadata.Collection);
                return ReadMetadata(getMetadata.Key).ToByteString();
            case MessageType.PutStateMetadata:
                var putMetadata = PutStateMetadata.Parser.ParseFrom(payload.Span);
                RequirePublic(putMetadata.Collection);
                return WriteMetadata(putMetadata);
            case MessageType.GetStateByRange:
                return StartRange(GetStateByRange.Parser.ParseFrom(payload.Span));
            case MessageType.GetHistoryForKey:
                var history = GetHistoryForKey.Parser.ParseFrom(payload.Span);
                return Open([.. ledger.GetHistory(ns, history.Key).Reverse().Select(m => m.ToByteString())], null);
            case MessageType.QueryStateNext:
                return Next(QueryStateNext.Parser.ParseFrom(payload.Span).Id);
            case MessageType.QueryStateClose:
                var id = QueryStateClose.Parser.ParseFrom(payload.Span).Id;
                _iterators.Remove(id);
                return new QueryResponse { HasMore = false, Id = id }.ToByteString();
            default:
                throw new NotSupportedException($"the peer does not serve {request.Type}");
        }
    }

    private VersionedValue? Read(string key)
    {
        var value = ledger.GetState(ns, key);
        if (!_reads.ContainsKey(key))
        {
            _reads[key] = new KVRead { Key = key, Version = value is null ? null : ToVersion(value.Version) };
        }

        return value;
    }

    /// <summary>The key's committed metadata (only VALIDATION_PARAMETER is kept); the key's version is recorded as a read.</summary>
    private StateMetadataResult ReadMetadata(string key)
    {
        Read(key);
        var result = new StateMetadataResult();
        if (ledger.GetValidationParameter(ns, key) is { Length: > 0 } parameter)
        {
            result.Entries.Add(new StateMetadata { Metakey = ValidationParameters.Metakey, Value = ByteString.CopyFrom(parameter) });
        }

        return result;
    }

    /// <summary>Records a metadata write of the key: its full metadata after the change, as Fabric's rwset carries it.</summary>
    private ByteString WriteMetadata(PutStateMetadata put)
    {
        if (put.Metadata is null || put.Metadata.Metakey != ValidationParameters.Metakey)
        {
            throw new NotSupportedException($"only the {ValidationParameters.Metakey} metadata key is supported, not '{put.Metadata?.Metakey}'");
        }

        var write = new KVMetadataWrite { Key = put.Key };
        if (!put.Metadata.Value.IsEmpty)
        {
            write.Entries.Add(new KVMetadataEntry { Name = ValidationParameters.Metakey, Value = put.Metadata.Value });
        }

        _metadataWrites[put.Key] = write;
        return ByteString.Empty;
    }

    private ByteString StartRange(GetStateByRange range)
    {
        RequirePublic(range.Collection);
        var start = range.StartKey;
        var pageSize = int.MaxValue;
        if (!range.Metadata.IsEmpty)
        {
            var query = QueryMetadata.Parser.ParseFrom(range.Metadata.Span);
            start = query.Bookmark.Length > 0 ? query.Bookmark : start;
            pageSize = query.PageSize > 0 ? query.PageSize : int.MaxValue;
        }

        var entries = ledger.GetStateRange(ns, start, range.EndKey).Take(pageSize == int.MaxValue ? int.MaxValue : pageSize + 1).ToList();
        var page = entries.Take(pageSize).ToList();
        var exhausted = page.Count == entries.Count;
        var raw = new QueryReads();
        raw.KvReads.AddRange(page.Select(e => new KVRead { Key = e.Key, Version = ToVersion(e.Value.Version) }));
        _ranges.Add(new RangeQueryInfo { StartKey = start, EndKey = range.EndKey, ItrExhausted = exhausted, RawReads = raw });

        QueryResponseMetadata? metadata = range.Metadata.IsEmpty
            ? null
            : new QueryResponseMetadata { FetchedRecordsCount = page.Count, Bookmark = exhausted ? string.Empty : entries[page.Count].Key };
        return Open([.. page.Select(e => new KV { Namespace = ns, Key = e.Key, Value = ByteString.CopyFrom(e.Value.Value) }.ToByteString())], metadata);
    }

    private ByteString Open(List<ByteString> results, QueryResponseMetadata? metadata)
    {
        var iterator = new ResultIterator($"{++_nextIterator}", results, metadata);
        var first = iterator.NextBatch();
        if (first.HasMore)
        {
            _iterators[iterator.Id] = iterator;
        }

        return first.ToByteString();
    }

    private ByteString Next(string id)
    {
        if (!_iterators.TryGetValue(id, out var iterator))
        {
            throw new NotSupportedException($"query iterator {id} not found");
        }

        var batch = iterator.NextBatch();
        if (!batch.HasMore)
        {
            _iterators.Remove(id);
        }

        return batch.ToByteString();
    }

    private static void RequirePublic(string collection)
    {
        if (collection.Length > 0)
        {
            throw new NotSupportedException($"private data (collection {collection}) is not supported by this peer");
        }
    }

    private static Protos.Ledger.KvRwset.Version ToVersion(KeyVersion version) => new() { BlockNum = version.BlockNumber, TxNum = version.TxNumber };

    private sealed class ResultIterator(string id, List<ByteString> results, QueryResponseMetadata? metadata)
    {
        private int _position;

        public string Id => id;

        public QueryResponse NextBatch()
        {
            var response = new QueryResponse { Id = id };
            var count = Math.Min(BatchSize, results.Count - _position);
            response.Results.AddRange(results.Skip(_position).Take(count).Select(r => new QueryResultBytes { ResultBytes = r }));
            _position += count;
            response.HasMore = _position < results.Count;
            if (!response.HasMore && metadata is not null)
            {
                response.Metadata = metadata.ToByteString();
            }

            return response;
        }
    }
}
