using System.Security.Cryptography;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using PeerTransaction = Ceiba.Network.Protos.Peer.Transaction;
using ProposalMessage = Ceiba.Network.Protos.Peer.Proposal;

namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>
/// Checks a signed proposal as an endorser does (header type, epoch, txid, creator signature) and builds the unsigned
/// transaction envelope a gateway peer returns. The "chaincode" answers <c>fn(arg1,arg2)</c>.
/// </summary>
internal sealed class FakeEndorser(SigningIdentity peer)
{
    public static string ResultFor(IEnumerable<string> args)
    {
        var all = args.ToList();
        return $"{all[0]}({string.Join(",", all.Skip(1))})";
    }

    /// <summary>Validates the proposal and returns the chaincode's response for it.</summary>
    public Response Execute(SignedProposal signed, out ProposalParts parts)
    {
        parts = ProposalParts.Read(signed);
        if (parts.ChannelHeader.Type != (int)HeaderType.EndorserTransaction || parts.ChannelHeader.Epoch != 0)
        {
            throw new InvalidOperationException("bad header type or epoch");
        }

        if (parts.SignatureHeader.Nonce.Length != 24)
        {
            throw new InvalidOperationException("nonce is not 24 bytes");
        }

        var expectedTxId = SignatureChecks.TxId(parts.SignatureHeader.Nonce.Span, parts.SignatureHeader.Creator.Span);
        if (parts.ChannelHeader.TxId != expectedTxId)
        {
            throw new InvalidOperationException($"txid mismatch: {parts.ChannelHeader.TxId} != {expectedTxId}");
        }

        if (!SignatureChecks.Verify(parts.SignatureHeader.Creator, signed.ProposalBytes.Span, signed.Signature.Span))
        {
            throw new InvalidOperationException("proposal signature does not verify");
        }

        var args = parts.Spec.Input.Args.Select(a => a.ToStringUtf8());
        return new Response { Status = 200, Payload = ByteString.CopyFromUtf8(ResultFor(args)) };
    }

    /// <summary>The prepared transaction: Payload{proposal header, Transaction{one action}} with this peer's endorsement.</summary>
    public Envelope Endorse(SignedProposal signed, ProposalParts parts, Response response)
    {
        var publicPayload = new ChaincodeProposalPayload { Input = parts.Payload.Input }.ToByteString();
        var proposalHash = SHA256.HashData([.. parts.Header.ChannelHeader.Span, .. parts.Header.SignatureHeader.Span, .. publicPayload.Span]);
        var action = new ChaincodeAction
        {
            Results = ByteString.Empty,
            Response = response,
            ChaincodeId = new ChaincodeID { Name = parts.Spec.ChaincodeId.Name, Version = "1.0" },
        };
        var prp = new ProposalResponsePayload { ProposalHash = ByteString.CopyFrom(proposalHash), Extension = action.ToByteString() }.ToByteString();
        var endorser = ByteString.CopyFrom(peer.Serialized.Span);
        var endorsement = new Endorsement { Endorser = endorser, Signature = ByteString.CopyFrom(peer.SignMessage([.. prp.Span, .. endorser.Span])) };
        var endorsed = new ChaincodeEndorsedAction { ProposalResponsePayload = prp };
        endorsed.Endorsements.Add(endorsement);
        var actionPayload = new ChaincodeActionPayload { ChaincodeProposalPayload = publicPayload, Action = endorsed };
        var transaction = new PeerTransaction();
        transaction.Actions.Add(new TransactionAction { Header = parts.Header.SignatureHeader, Payload = actionPayload.ToByteString() });
        var payload = new Payload { Header = parts.Header, Data = transaction.ToByteString() };
        return new Envelope { Payload = payload.ToByteString() };
    }
}

/// <summary>The decoded layers of a signed proposal.</summary>
internal sealed record ProposalParts(
    ProposalMessage Proposal,
    Header Header,
    ChannelHeader ChannelHeader,
    SignatureHeader SignatureHeader,
    ChaincodeProposalPayload Payload,
    ChaincodeSpec Spec)
{
    public static ProposalParts Read(SignedProposal signed)
    {
        var proposal = ProposalMessage.Parser.ParseFrom(signed.ProposalBytes);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
        return new ProposalParts(
            proposal,
            header,
            ChannelHeader.Parser.ParseFrom(header.ChannelHeader),
            SignatureHeader.Parser.ParseFrom(header.SignatureHeader),
            payload,
            ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input).ChaincodeSpec);
    }
}
