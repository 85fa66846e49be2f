using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>Reads what the client needs from the bytes a peer sent or an offline signer returned.</summary>
internal static class EnvelopeReader
{
    /// <summary>
    /// The chaincode result of an endorsed transaction: Envelope → Payload.data → Transaction.actions[0].payload →
    /// ChaincodeActionPayload.action.proposal_response_payload → ProposalResponsePayload.extension → ChaincodeAction.response.payload.
    /// </summary>
    /// <exception cref="InvalidDataException">The envelope is not an endorsed chaincode transaction.</exception>
    public static byte[] ReadResult(Envelope envelope)
    {
        try
        {
            var payload = Payload.Parser.ParseFrom(envelope.Payload.Span);
            var transaction = Ceiba.Network.Protos.Peer.Transaction.Parser.ParseFrom(payload.Data.Span);
            if (transaction.Actions.Count == 0)
            {
                throw new InvalidDataException("The prepared transaction has no actions.");
            }

            var actionPayload = ChaincodeActionPayload.Parser.ParseFrom(transaction.Actions[0].Payload.Span);
            var responsePayload = ProposalResponsePayload.Parser.ParseFrom(actionPayload.Action?.ProposalResponsePayload ?? ByteString.Empty);
            var action = ChaincodeAction.Parser.ParseFrom(responsePayload.Extension.Span);
            return action.Response?.Payload.ToByteArray() ?? [];
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException("The prepared transaction envelope is malformed.", e);
        }
    }

    /// <summary>The channel and chaincode named by a <c>common.Header</c>.</summary>
    public static (string Channel, string Chaincode) ReadTarget(Header header)
    {
        try
        {
            var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader.Span);
            var extension = ChaincodeHeaderExtension.Parser.ParseFrom(channelHeader.Extension.Span);
            return (channelHeader.ChannelId, extension.ChaincodeId?.Name ?? string.Empty);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException("The header is malformed.", e);
        }
    }

    /// <summary>The channel and chaincode of a proposal.</summary>
    public static (string Channel, string Chaincode) ReadProposalTarget(ByteString proposalBytes)
    {
        try
        {
            return ReadTarget(Header.Parser.ParseFrom(Ceiba.Network.Protos.Peer.Proposal.Parser.ParseFrom(proposalBytes.Span).Header));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException("The proposal is malformed.", e);
        }
    }

    /// <summary>The channel and chaincode of a transaction envelope.</summary>
    public static (string Channel, string Chaincode) ReadEnvelopeTarget(Envelope envelope)
    {
        try
        {
            return ReadTarget(Payload.Parser.ParseFrom(envelope.Payload.Span).Header ?? new Header());
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException("The transaction envelope is malformed.", e);
        }
    }
}
