using System.Security.Cryptography;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using PeerTransaction = Ceiba.Network.Protos.Peer.Transaction;
using ProposalMessage = Ceiba.Network.Protos.Peer.Proposal;

namespace Ceiba.Benchmarks;

/// <summary>An EndorseResponse shaped like a peer's: the proposal's header, one action, one endorsement, a ~200-byte result.</summary>
internal static class CannedEndorsement
{
    public static byte[] For(byte[] proposedTransactionBytes, SigningIdentity peer)
    {
        var proposal = ProposalMessage.Parser.ParseFrom(ProposedTransaction.Parser.ParseFrom(proposedTransactionBytes).Proposal.ProposalBytes);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var publicPayload = new ChaincodeProposalPayload { Input = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload).Input }.ToByteString();
        var result = ByteString.CopyFromUtf8("{\"person_id\":\"p-1\",\"gender_concept_id\":8532,\"year_of_birth\":1985,\"month_of_birth\":1,\"day_of_birth\":1,\"race_concept_id\":0,\"ethnicity_concept_id\":0,\"location\":\"La Habana\",\"care_site\":\"Hospital Calixto Garcia\"}");
        var action = new ChaincodeAction
        {
            Results = ByteString.CopyFrom(new byte[300]),
            Response = new Response { Status = 200, Payload = result },
            ChaincodeId = new ChaincodeID { Name = "omop", Version = "1.0" },
        };
        var prp = new ProposalResponsePayload { ProposalHash = ByteString.CopyFrom(SHA256.HashData(publicPayload.Span)), Extension = action.ToByteString() }.ToByteString();
        var endorser = ByteString.CopyFrom(peer.Serialized.Span);
        var endorsed = new ChaincodeEndorsedAction { ProposalResponsePayload = prp };
        endorsed.Endorsements.Add(new Endorsement { Endorser = endorser, Signature = ByteString.CopyFrom(peer.SignMessage([.. prp.Span, .. endorser.Span])) });
        var transaction = new PeerTransaction();
        transaction.Actions.Add(new TransactionAction
        {
            Header = header.SignatureHeader,
            Payload = new ChaincodeActionPayload { ChaincodeProposalPayload = publicPayload, Action = endorsed }.ToByteString(),
        });
        var envelope = new Envelope { Payload = new Payload { Header = header, Data = transaction.ToByteString() }.ToByteString() };
        return new EndorseResponse { PreparedTransaction = envelope }.ToByteArray();
    }
}
