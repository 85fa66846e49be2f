using System.Diagnostics;
using Ceiba.Gateway.Client.Internal;
using Ceiba.Network.Protos.Gateway;
using Google.Protobuf;

namespace Ceiba.Gateway.Client;

/// <summary>
/// A transaction proposal, ready to evaluate or endorse. Signed with the gateway's signer on first use, or offline:
/// sign <see cref="Digest"/> and rebuild it with <see cref="Gateway.NewSignedProposal"/>.
/// </summary>
public sealed class Proposal
{
    private readonly ClientContext _context;
    private readonly ProposedTransaction _proposed;

    internal Proposal(ClientContext context, ProposedTransaction proposed, string channelName, string chaincodeName)
    {
        _context = context;
        _proposed = proposed;
        ChannelName = channelName;
        ChaincodeName = chaincodeName;
    }

    /// <summary>The transaction ID: lowercase hex of SHA-256(nonce ‖ creator).</summary>
    public string TransactionId => _proposed.TransactionId;

    /// <summary>The channel the proposal targets.</summary>
    public string ChannelName { get; }

    /// <summary>The chaincode the proposal invokes.</summary>
    public string ChaincodeName { get; }

    /// <summary>The serialized proposal (a <c>gateway.ProposedTransaction</c>), for offline signing.</summary>
    public byte[] Bytes => _proposed.ToByteArray();

    /// <summary>The SHA-256 digest of the proposal bytes: what a signer signs.</summary>
    public byte[] Digest => Digests.Sha256(_proposed.Proposal.ProposalBytes);

    /// <summary>Runs the proposal on one peer without recording it, and returns the chaincode's result.</summary>
    /// <exception cref="GatewayException">The gateway failed to evaluate it (Stage = Evaluate).</exception>
    public async Task<byte[]> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        using var activity = StageTracing.Start(GatewayStage.Evaluate, TransactionId, ChannelName, ChaincodeName);
        try
        {
            var request = new EvaluateRequest { TransactionId = TransactionId, ChannelId = ChannelName, ProposedTransaction = Signed() };
            request.TargetOrganizations.Add(_proposed.EndorsingOrganizations);
            var response = await _context.Rpc.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
            return response.Result?.Payload.ToByteArray() ?? [];
        }
        catch (Exception e)
        {
            StageTracing.Fail(activity, e);
            throw;
        }
    }

    /// <summary>Has the proposal endorsed as its endorsement policy requires, and returns the endorsed transaction.</summary>
    /// <exception cref="EndorseException">Endorsement failed.</exception>
    public async Task<Transaction> EndorseAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StageTracing.Start(GatewayStage.Endorse, TransactionId, ChannelName, ChaincodeName);
        try
        {
            var request = new EndorseRequest { TransactionId = TransactionId, ChannelId = ChannelName, ProposedTransaction = Signed() };
            request.EndorsingOrganizations.Add(_proposed.EndorsingOrganizations);
            var response = await _context.Rpc.EndorseAsync(request, cancellationToken).ConfigureAwait(false);
            var prepared = new PreparedTransaction
            {
                TransactionId = TransactionId,
                Envelope = response.PreparedTransaction ?? throw new InvalidDataException($"The gateway endorsed {TransactionId} but returned no transaction."),
            };
            var timings = new StageTimings(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.Zero);
            return new Transaction(_context, prepared, ChannelName, ChaincodeName, timings);
        }
        catch (Exception e)
        {
            StageTracing.Fail(activity, e);
            throw;
        }
    }

    /// <summary>Signs the proposal now with the gateway's signer, unless it is signed already.</summary>
    /// <exception cref="InvalidOperationException">It is unsigned and the gateway has no signer.</exception>
    public void Sign() => Signed();

    internal void SetSignature(ReadOnlyMemory<byte> signature) =>
        _proposed.Proposal.Signature = Google.Protobuf.ByteString.CopyFrom(signature.Span);

    private Ceiba.Network.Protos.Peer.SignedProposal Signed()
    {
        var signed = _proposed.Proposal;
        if (signed.Signature.IsEmpty)
        {
            signed.Signature = Digests.Sign(_context, signed.ProposalBytes, nameof(Proposal));
        }

        return signed;
    }
}
