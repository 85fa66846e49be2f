using System.Diagnostics;
using Ceiba.Gateway.Client.Internal;
using Ceiba.Network.Protos.Gateway;
using Google.Protobuf;

namespace Ceiba.Gateway.Client;

/// <summary>
/// An endorsed transaction, ready to submit for ordering. Signed with the gateway's signer on submit, or offline:
/// sign <see cref="Digest"/> and rebuild it with <see cref="Gateway.NewSignedTransaction"/>.
/// </summary>
public sealed class Transaction
{
    private readonly ClientContext _context;
    private readonly PreparedTransaction _prepared;
    private byte[]? _result;

    internal Transaction(ClientContext context, PreparedTransaction prepared, string channelName, string chaincodeName, StageTimings timings)
    {
        _context = context;
        _prepared = prepared;
        ChannelName = channelName;
        ChaincodeName = chaincodeName;
        Timings = timings;
    }

    /// <summary>The transaction ID.</summary>
    public string TransactionId => _prepared.TransactionId;

    /// <summary>The channel of the transaction.</summary>
    public string ChannelName { get; }

    /// <summary>The chaincode the transaction invoked.</summary>
    public string ChaincodeName { get; }

    /// <summary>The chaincode's result, as endorsed (read from the envelope on first access).</summary>
    public byte[] Result => _result ??= EnvelopeReader.ReadResult(_prepared.Envelope);

    /// <summary>How long the stages took so far (Endorse is set; the rest follow on the submitted transaction).</summary>
    public StageTimings Timings { get; }

    /// <summary>The serialized transaction (a <c>gateway.PreparedTransaction</c>), for offline signing.</summary>
    public byte[] Bytes => _prepared.ToByteArray();

    /// <summary>The SHA-256 digest of the envelope payload: what a signer signs.</summary>
    public byte[] Digest => Digests.Sha256(_prepared.Envelope.Payload);

    /// <summary>Sends the signed transaction to the orderers and returns a handle to wait for its commit.</summary>
    /// <exception cref="SubmitException">The orderers did not accept it.</exception>
    public async Task<SubmittedTransaction> SubmitAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StageTracing.Start(GatewayStage.Submit, TransactionId, ChannelName, ChaincodeName);
        try
        {
            var request = new SubmitRequest { TransactionId = TransactionId, ChannelId = ChannelName, PreparedTransaction = Signed() };
            await _context.Rpc.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
            var statusRequest = new CommitStatusRequest { TransactionId = TransactionId, ChannelId = ChannelName, Identity = _context.Identity.Serialized };
            var signedStatusRequest = new SignedCommitStatusRequest { Request = statusRequest.ToByteString() };
            var timings = Timings with { Submit = Stopwatch.GetElapsedTime(started) };
            return new SubmittedTransaction(_context, signedStatusRequest, TransactionId, ChannelName, ChaincodeName, timings, this);
        }
        catch (Exception e)
        {
            StageTracing.Fail(activity, e);
            throw;
        }
    }

    /// <summary>Signs the envelope now with the gateway's signer, unless it is signed already.</summary>
    /// <exception cref="InvalidOperationException">It is unsigned and the gateway has no signer.</exception>
    public void Sign() => Signed();

    internal void SetSignature(ReadOnlyMemory<byte> signature) =>
        _prepared.Envelope.Signature = ByteString.CopyFrom(signature.Span);

    private Ceiba.Network.Protos.Common.Envelope Signed()
    {
        var envelope = _prepared.Envelope;
        if (envelope.Signature.IsEmpty)
        {
            envelope.Signature = Digests.Sign(_context, envelope.Payload, nameof(Transaction));
        }

        return envelope;
    }
}
