using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Testing.Chaincode.Internal;

/// <summary>
/// A peer-side query iterator: results cut into batches as Fabric's peer does (at most <c>batchSize</c> per
/// QueryResponse, has_more only while results remain), and for paginated queries the metadata with the last batch.
/// </summary>
internal sealed class PeerQuery(string id, IReadOnlyList<ByteString> results, int batchSize, QueryResponseMetadata? pageMetadata)
{
    private int _position;

    public string Id => id;

    public bool HasMore => _position < results.Count;

    public QueryResponse NextBatch()
    {
        var response = new QueryResponse { Id = id };
        var count = Math.Min(batchSize, results.Count - _position);
        for (var i = 0; i < count; i++)
        {
            response.Results.Add(new QueryResultBytes { ResultBytes = results[_position + i] });
        }
        _position += count;
        response.HasMore = HasMore;
        if (!HasMore && pageMetadata is not null)
        {
            response.Metadata = pageMetadata.ToByteString();
        }
        return response;
    }
}
