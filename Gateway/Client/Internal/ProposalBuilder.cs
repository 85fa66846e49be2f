using System.Text;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ProposalMessage = Ceiba.Network.Protos.Peer.Proposal;
using ProposedTransaction = Ceiba.Network.Protos.Gateway.ProposedTransaction;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>
/// Builds an unsigned proposal exactly as Fabric's gateway clients do: a 24-byte nonce, txid = hex(SHA-256(nonce ‖ creator)),
/// an ENDORSER_TRANSACTION channel header with the chaincode header extension, and a NODE chaincode invocation spec.
/// </summary>
internal static class ProposalBuilder
{
    public static ProposedTransaction Build(Identity identity, string channel, string chaincode, string transactionName, ProposalOptions options)
    {
        var nonce = TransactionIds.NewNonce();
        var creator = identity.Serialized;
        var transactionId = TransactionIds.Compute(nonce, creator.Span);
        var chaincodeId = new ChaincodeID { Name = chaincode };

        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.EndorserTransaction,
            Timestamp = Timestamp.FromDateTime(DateTime.UtcNow),
            ChannelId = channel,
            TxId = transactionId,
            Epoch = 0,
            Extension = new ChaincodeHeaderExtension { ChaincodeId = chaincodeId }.ToByteString(),
        };
        var signatureHeader = new SignatureHeader { Creator = creator, Nonce = UnsafeByteOperations.UnsafeWrap(nonce) };
        var header = new Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() };

        var proposal = new ProposalMessage { Header = header.ToByteString(), Payload = Payload(chaincodeId, transactionName, options).ToByteString() };
        var proposed = new ProposedTransaction
        {
            TransactionId = transactionId,
            Proposal = new SignedProposal { ProposalBytes = proposal.ToByteString() },
        };
        proposed.EndorsingOrganizations.Add(options.EndorsingOrganizations);
        return proposed;
    }

    private static ChaincodeProposalPayload Payload(ChaincodeID chaincodeId, string transactionName, ProposalOptions options)
    {
        var input = new ChaincodeInput();
        input.Args.Add(ByteString.CopyFrom(transactionName, Encoding.UTF8));
        foreach (var argument in options.Arguments)
        {
            input.Args.Add(ByteString.CopyFrom(argument));
        }

        var spec = new ChaincodeSpec { Type = ChaincodeSpec.Types.Type.Node, ChaincodeId = chaincodeId, Input = input };
        var payload = new ChaincodeProposalPayload { Input = new ChaincodeInvocationSpec { ChaincodeSpec = spec }.ToByteString() };
        foreach (var (key, value) in options.TransientData)
        {
            payload.TransientMap.Add(key, ByteString.CopyFrom(value));
        }

        return payload;
    }
}
