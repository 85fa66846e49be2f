using Ceiba.Network.Msp;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Endorser.Internal;

/// <summary>
/// The endorser's checks of a signed proposal (FABRIC-FACTS §2): header type and epoch, nonce and
/// creator, tx id, channel, the creator's validity and signature, duplicate tx id, and the
/// /Channel/Application/Writers ACL. Failures throw <see cref="ProposalException"/> with the reason.
/// </summary>
internal static class ProposalChecks
{
    public static CheckedProposal Check(SignedProposal signed, Func<string, PeerChannel?> channels)
    {
        Proposal proposal;
        Header header;
        ChannelHeader channelHeader;
        SignatureHeader signatureHeader;
        ChaincodeProposalPayload payload;
        ChaincodeInvocationSpec invocation;
        try
        {
            proposal = Proposal.Parser.ParseFrom(signed.ProposalBytes.Span);
            header = Header.Parser.ParseFrom(proposal.Header.Span);
            channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader.Span);
            signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader.Span);
            payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload.Span);
            invocation = ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input.Span);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new ProposalException($"the proposal does not parse: {error.Message}");
        }

        if (channelHeader.Type != (int)HeaderType.EndorserTransaction)
        {
            throw new ProposalException($"invalid header type {channelHeader.Type}: only ENDORSER_TRANSACTION proposals are endorsed");
        }

        if (channelHeader.Epoch != 0 || signatureHeader.Nonce.IsEmpty || signatureHeader.Creator.IsEmpty)
        {
            throw new ProposalException("the proposal header needs epoch 0, a nonce and a creator");
        }

        if (TransactionIds.Compute(signatureHeader.Nonce.Span, signatureHeader.Creator.Span) != channelHeader.TxId)
        {
            throw new ProposalException($"incorrectly formed tx id {channelHeader.TxId}: it is not SHA-256(nonce ‖ creator)");
        }

        var channel = channels(channelHeader.ChannelId) ?? throw new ProposalException($"channel '{channelHeader.ChannelId}' not found");
        var creator = channel.Policies.Msps.Validate(signatureHeader.Creator.Span);
        if (creator is not { IsValid: true, Identity: { } identity })
        {
            throw new ProposalException($"access denied: the creator is not valid in channel {channel.ChannelId}: {creator.Reason}");
        }

        if (identity.VerifyMessage(signed.ProposalBytes.Span, signed.Signature.Span) != SignatureStatus.Valid)
        {
            throw new ProposalException("access denied: the proposal signature does not verify");
        }

        if (channel.Ledger.FindTransaction(channelHeader.TxId) is not null)
        {
            throw new ProposalException($"duplicate transaction found [{channelHeader.TxId}]");
        }

        var acl = channel.Policies.Evaluate(PolicyPaths.ApplicationWriters, [new SignedData(signed.ProposalBytes.Memory, signatureHeader.Creator.Memory, signed.Signature.Memory)]);
        if (!acl.IsSatisfied)
        {
            throw new ProposalException($"access denied: peer/Propose: {acl.Reason}");
        }

        var chaincode = invocation.ChaincodeSpec?.ChaincodeId?.Name ?? string.Empty;
        if (chaincode.Length == 0)
        {
            throw new ProposalException("the proposal names no chaincode");
        }

        return new CheckedProposal(channel, proposal, header, channelHeader, payload, invocation.ChaincodeSpec!.Input ?? new ChaincodeInput(), chaincode);
    }
}

/// <summary>A proposal that passed the checks, taken apart.</summary>
internal sealed record CheckedProposal(PeerChannel Channel, Proposal Proposal, Header Header, ChannelHeader ChannelHeader, ChaincodeProposalPayload Payload, ChaincodeInput Input, string Chaincode);

/// <summary>A proposal was refused; the message goes back to the client in a status-500 response.</summary>
internal sealed class ProposalException(string message) : Exception(message);
