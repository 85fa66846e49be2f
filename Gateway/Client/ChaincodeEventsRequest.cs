using System.Runtime.CompilerServices;
using Ceiba.Gateway.Client.Internal;
using Ceiba.Network.Protos.Gateway;
using Google.Protobuf;

namespace Ceiba.Gateway.Client;

/// <summary>
/// A signed request for a chaincode event stream. Signed with the gateway's signer on first use, or offline:
/// sign <see cref="Digest"/> and rebuild it with <see cref="Gateway.NewSignedChaincodeEventsRequest"/>.
/// </summary>
public sealed class ChaincodeEventsRequest
{
    private readonly ClientContext _context;
    private readonly SignedChaincodeEventsRequest _request;

    internal ChaincodeEventsRequest(ClientContext context, SignedChaincodeEventsRequest request, string channelName, string chaincodeName)
    {
        _context = context;
        _request = request;
        ChannelName = channelName;
        ChaincodeName = chaincodeName;
    }

    /// <summary>The channel.</summary>
    public string ChannelName { get; }

    /// <summary>The chaincode whose events are requested.</summary>
    public string ChaincodeName { get; }

    /// <summary>The serialized request (a <c>gateway.SignedChaincodeEventsRequest</c>), for offline signing.</summary>
    public byte[] Bytes => _request.ToByteArray();

    /// <summary>The SHA-256 digest of the <c>ChaincodeEventsRequest</c> bytes: what a signer signs.</summary>
    public byte[] Digest => Digests.Sha256(_request.Request);

    /// <summary>Streams the events until cancelled, one at a time in commit order.</summary>
    /// <exception cref="GatewayException">The stream failed (Stage = ChaincodeEvents).</exception>
    public async IAsyncEnumerable<ChaincodeEvent> GetEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_request.Signature.IsEmpty)
        {
            _request.Signature = Digests.Sign(_context, _request.Request, nameof(ChaincodeEventsRequest));
        }

        await foreach (var response in _context.Rpc.ChaincodeEventsAsync(_request, cancellationToken).ConfigureAwait(false))
        {
            foreach (var e in response.Events)
            {
                yield return new ChaincodeEvent(response.BlockNumber, e.TxId, e.ChaincodeId, e.EventName, e.Payload.ToByteArray());
            }
        }
    }

    internal void SetSignature(ReadOnlyMemory<byte> signature) =>
        _request.Signature = Google.Protobuf.ByteString.CopyFrom(signature.Span);
}
