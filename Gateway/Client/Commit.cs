using System.Diagnostics;
using Ceiba.Gateway.Client.Internal;
using Ceiba.Network.Protos.Gateway;
using Google.Protobuf;

namespace Ceiba.Gateway.Client;

/// <summary>
/// A request for the commit status of a submitted transaction. Signed with the gateway's signer on first use, or
/// offline: sign <see cref="Digest"/> and rebuild it with <see cref="Gateway.NewSignedCommit"/>.
/// </summary>
public class Commit
{
    private readonly ClientContext _context;
    private readonly SignedCommitStatusRequest _request;

    internal Commit(ClientContext context, SignedCommitStatusRequest request, string transactionId, string channelName, string chaincodeName, StageTimings timings)
    {
        _context = context;
        _request = request;
        TransactionId = transactionId;
        ChannelName = channelName;
        ChaincodeName = chaincodeName;
        Timings = timings;
    }

    /// <summary>The transaction ID.</summary>
    public string TransactionId { get; }

    /// <summary>The channel of the transaction.</summary>
    public string ChannelName { get; }

    /// <summary>The chaincode, when known (empty for a commit rebuilt from offline-signed bytes).</summary>
    public string ChaincodeName { get; }

    /// <summary>How long the stages took: endorse and submit, and commit status once <see cref="GetStatusAsync"/> returned.</summary>
    public StageTimings Timings { get; private set; }

    /// <summary>The serialized request (a <c>gateway.SignedCommitStatusRequest</c>), for offline signing.</summary>
    public byte[] Bytes => _request.ToByteArray();

    /// <summary>The SHA-256 digest of the <c>CommitStatusRequest</c> bytes: what a signer signs.</summary>
    public byte[] Digest => Digests.Sha256(_request.Request);

    /// <summary>Waits until the transaction commits and returns its validation code and block.</summary>
    /// <exception cref="CommitStatusException">The status could not be obtained.</exception>
    public async Task<Status> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StageTracing.Start(GatewayStage.CommitStatus, TransactionId, ChannelName, ChaincodeName);
        try
        {
            var response = await _context.Rpc.CommitStatusAsync(Signed(), TransactionId, cancellationToken).ConfigureAwait(false);
            Timings = Timings with { CommitStatus = Stopwatch.GetElapsedTime(started) };
            return new Status(response.Result, response.BlockNumber, TransactionId);
        }
        catch (Exception e)
        {
            StageTracing.Fail(activity, e);
            throw;
        }
    }

    /// <summary>Signs the request now with the gateway's signer, unless it is signed already.</summary>
    /// <exception cref="InvalidOperationException">It is unsigned and the gateway has no signer.</exception>
    public void Sign() => Signed();

    internal void SetSignature(ReadOnlyMemory<byte> signature) =>
        _request.Signature = Google.Protobuf.ByteString.CopyFrom(signature.Span);

    private SignedCommitStatusRequest Signed()
    {
        if (_request.Signature.IsEmpty)
        {
            _request.Signature = Digests.Sign(_context, _request.Request, nameof(Commit));
        }

        return _request;
    }
}
