using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Transactions;

/// <summary>
/// Builds the unsigned transaction envelope for ordering from a proposal and its endorsements, as the
/// gateway's Endorse does: the proposal's Header bytes unchanged, one TransactionAction whose header is
/// the SignatureHeader and whose endorsements are de-duplicated by endorser.
/// </summary>
public static class TransactionAssembler
{
    /// <summary>Assembles the envelope; the caller (client) signs its payload.</summary>
    /// <param name="proposal">The proposal that was endorsed.</param>
    /// <param name="proposalResponsePayload">The ProposalResponsePayload bytes all endorsers signed (identical for all).</param>
    /// <param name="endorsements">The endorsements; duplicates of one endorser are dropped.</param>
    /// <exception cref="ArgumentException">The proposal's header or payload does not parse.</exception>
    public static Envelope Assemble(Proposal proposal, ByteString proposalResponsePayload, IEnumerable<Endorsement> endorsements)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(proposalResponsePayload);
        ArgumentNullException.ThrowIfNull(endorsements);
        Header header;
        ChaincodeProposalPayload proposalPayload;
        try
        {
            header = Header.Parser.ParseFrom(proposal.Header.Span);
            proposalPayload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload.Span);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new ArgumentException($"the proposal does not parse: {error.Message}", nameof(proposal), error);
        }

        var endorsed = new ChaincodeEndorsedAction { ProposalResponsePayload = proposalResponsePayload };
        var seen = new HashSet<ByteString>();
        foreach (var endorsement in endorsements)
        {
            if (seen.Add(endorsement.Endorser))
            {
                endorsed.Endorsements.Add(endorsement);
            }
        }

        var actionPayload = new ChaincodeActionPayload
        {
            ChaincodeProposalPayload = WithoutTransient(proposalPayload).ToByteString(),
            Action = endorsed,
        };
        var transaction = new Transaction();
        transaction.Actions.Add(new TransactionAction { Header = header.SignatureHeader, Payload = actionPayload.ToByteString() });
        var payload = new Payload { Header = header, Data = transaction.ToByteString() };
        return new Envelope { Payload = payload.ToByteString() };
    }

    /// <summary>The ChaincodeProposalPayload with its TransientMap removed, as it goes on the ledger.</summary>
    public static ChaincodeProposalPayload WithoutTransient(ChaincodeProposalPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new ChaincodeProposalPayload { Input = payload.Input };
    }
}
