using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Ledger.Rwset;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Internal;

/// <summary>
/// An endorser transaction envelope taken apart once, keeping every signed byte string as received
/// (payload, channel header, signature header, proposal response payload).
/// </summary>
internal sealed record ParsedTransaction(
    Envelope Envelope,
    Payload Payload,
    ChannelHeader ChannelHeader,
    SignatureHeader SignatureHeader,
    Transaction Transaction,
    ChaincodeActionPayload ActionPayload,
    ProposalResponsePayload ResponsePayload,
    ChaincodeAction Action,
    IReadOnlyList<NamespaceRwSet> RwSets)
{
    public string TxId => ChannelHeader.TxId;

    public string ChaincodeName => Action.ChaincodeId?.Name ?? string.Empty;

    /// <summary>Parses an envelope's bytes; on failure the validation code says which layer was malformed.</summary>
    public static (ParsedTransaction? Transaction, TxValidationCode Code, string Reason) Parse(ByteString envelopeBytes)
    {
        Envelope envelope;
        Payload payload;
        try
        {
            envelope = Envelope.Parser.ParseFrom(envelopeBytes.Span);
            if (envelope.Payload.IsEmpty)
            {
                return (null, TxValidationCode.NilEnvelope, "the envelope has no payload");
            }

            payload = Payload.Parser.ParseFrom(envelope.Payload.Span);
        }
        catch (InvalidProtocolBufferException error)
        {
            return (null, TxValidationCode.NilEnvelope, $"the envelope does not parse: {error.Message}");
        }

        if (payload.Header is null)
        {
            return (null, TxValidationCode.BadPayload, "the payload has no header");
        }

        ChannelHeader channelHeader;
        SignatureHeader signatureHeader;
        try
        {
            channelHeader = ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader.Span);
            signatureHeader = SignatureHeader.Parser.ParseFrom(payload.Header.SignatureHeader.Span);
        }
        catch (InvalidProtocolBufferException error)
        {
            return (null, TxValidationCode.BadCommonHeader, $"the header does not parse: {error.Message}");
        }

        if (channelHeader.Type != (int)HeaderType.EndorserTransaction)
        {
            return (null, TxValidationCode.UnknownTxType, $"header type {channelHeader.Type} is not ENDORSER_TRANSACTION");
        }

        try
        {
            var transaction = Transaction.Parser.ParseFrom(payload.Data.Span);
            if (transaction.Actions.Count != 1)
            {
                return (null, TxValidationCode.InvalidEndorserTransaction, $"the transaction has {transaction.Actions.Count} actions, expected 1");
            }

            var actionPayload = ChaincodeActionPayload.Parser.ParseFrom(transaction.Actions[0].Payload.Span);
            if (actionPayload.Action is null)
            {
                return (null, TxValidationCode.InvalidEndorserTransaction, "the chaincode action payload has no endorsed action");
            }

            var responsePayload = ProposalResponsePayload.Parser.ParseFrom(actionPayload.Action.ProposalResponsePayload.Span);
            var action = ChaincodeAction.Parser.ParseFrom(responsePayload.Extension.Span);
            var rwSets = ReadRwSets(action.Results);
            return (new ParsedTransaction(envelope, payload, channelHeader, signatureHeader, transaction, actionPayload, responsePayload, action, rwSets), TxValidationCode.Valid, string.Empty);
        }
        catch (InvalidProtocolBufferException error)
        {
            return (null, TxValidationCode.BadPayload, $"the transaction does not parse: {error.Message}");
        }
    }

    private static List<NamespaceRwSet> ReadRwSets(ByteString results)
    {
        var rwSet = TxReadWriteSet.Parser.ParseFrom(results.Span);
        return [.. rwSet.NsRwset.Select(ns => new NamespaceRwSet(ns.Namespace, KVRWSet.Parser.ParseFrom(ns.Rwset.Span)))];
    }
}

/// <summary>The public read-write set of one namespace.</summary>
internal sealed record NamespaceRwSet(string Namespace, KVRWSet RwSet);
