using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Peer.Transactions;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Validation.Internal;

/// <summary>
/// The checks of one transaction that need no other transaction of the block (FABRIC-FACTS §7 steps 1
/// and 3): headers, the creator's identity and signature, the tx id, the proposal hash, and the
/// verified, de-duplicated endorsers with the chaincode policy's result over them. Whether that result
/// decides is up to <see cref="KeyLevelEndorsement"/>, which needs state. Safe to run in parallel.
/// </summary>
internal sealed class TransactionChecks(string channelId, MspRegistry msps, EndorsementPolicies endorsementPolicies)
{
    public TransactionVerdict Check(ByteString envelopeBytes)
    {
        var (transaction, code, reason) = ParsedTransaction.Parse(envelopeBytes);
        if (transaction is null)
        {
            return new TransactionVerdict(null, code, reason);
        }

        return CheckHeader(transaction) ?? CheckCreator(transaction) ?? CheckProposalHash(transaction) ?? CheckEndorsements(transaction);
    }

    private TransactionVerdict? CheckHeader(ParsedTransaction tx)
    {
        var header = tx.ChannelHeader;
        if (header.ChannelId != channelId)
        {
            return Fail(tx, TxValidationCode.TargetChainNotFound, $"channel {header.ChannelId} is not {channelId}");
        }

        if (header.Epoch != 0 || tx.SignatureHeader.Nonce.IsEmpty || tx.SignatureHeader.Creator.IsEmpty)
        {
            return Fail(tx, TxValidationCode.BadCommonHeader, "the header needs epoch 0, a nonce and a creator");
        }

        if (tx.Envelope.Signature.IsEmpty)
        {
            return Fail(tx, TxValidationCode.BadCreatorSignature, "the envelope is not signed");
        }

        return null;
    }

    private TransactionVerdict? CheckCreator(ParsedTransaction tx)
    {
        var validation = msps.Validate(tx.SignatureHeader.Creator.Span);
        if (validation is not { IsValid: true, Identity: { } creator })
        {
            return Fail(tx, TxValidationCode.BadCreatorSignature, $"the creator is not valid: {validation.Reason}");
        }

        if (creator.VerifyMessage(tx.Envelope.Payload.Span, tx.Envelope.Signature.Span) != SignatureStatus.Valid)
        {
            return Fail(tx, TxValidationCode.BadCreatorSignature, $"the creator's signature does not verify ({creator})");
        }

        if (TransactionIds.Compute(tx.SignatureHeader.Nonce.Span, tx.SignatureHeader.Creator.Span) != tx.TxId)
        {
            return Fail(tx, TxValidationCode.BadProposalTxid, "the tx id is not SHA-256(nonce ‖ creator)");
        }

        return null;
    }

    private static TransactionVerdict? CheckProposalHash(ParsedTransaction tx)
    {
        var actionHeader = tx.Transaction.Actions[0].Header;
        if (actionHeader != tx.Payload.Header.SignatureHeader)
        {
            return Fail(tx, TxValidationCode.InvalidEndorserTransaction, "the action's header is not the payload's signature header");
        }

        var hash = ProposalHash.Compute(tx.Payload.Header.ChannelHeader.Span, actionHeader.Span, tx.ActionPayload.ChaincodeProposalPayload.Span);
        return hash.AsSpan().SequenceEqual(tx.ResponsePayload.ProposalHash.Span)
            ? null
            : Fail(tx, TxValidationCode.InvalidEndorserTransaction, "the proposal hash does not match the proposal");
    }

    private TransactionVerdict CheckEndorsements(ParsedTransaction tx)
    {
        var chaincode = tx.ChaincodeName;
        if (!endorsementPolicies.IsDefined(chaincode))
        {
            return Fail(tx, TxValidationCode.InvalidChaincode, $"chaincode {chaincode} is not defined on channel {channelId}");
        }

        var prp = tx.ActionPayload.Action.ProposalResponsePayload.Span;
        var endorsers = new List<MspIdentity>();
        var rejected = new List<string>();
        foreach (var endorsement in tx.ActionPayload.Action.Endorsements)
        {
            var validation = msps.Validate(endorsement.Endorser.Span);
            if (validation is not { IsValid: true, Identity: { } endorser })
            {
                rejected.Add(validation.Reason);
                continue;
            }

            if (endorser.VerifyMessage(ProposalHash.EndorsementSignedBytes(prp, endorsement.Endorser.Span), endorsement.Signature.Span) != SignatureStatus.Valid)
            {
                rejected.Add($"{endorser}: the endorsement signature does not verify");
                continue;
            }

            endorsers.Add(endorser);
        }

        endorsers = EndorsementPolicies.Distinct(endorsers);
        var result = endorsementPolicies.Evaluate(chaincode, endorsers);
        var reason = result.IsSatisfied || rejected.Count == 0 ? result.Reason : $"{result.Reason}; rejected: {string.Join("; ", rejected)}";
        return new TransactionVerdict(tx, TxValidationCode.Valid, string.Empty, endorsers, result.IsSatisfied ? result : PolicyResult.Failed(reason));
    }

    private static TransactionVerdict Fail(ParsedTransaction tx, TxValidationCode code, string reason) => new(tx, code, reason);
}

/// <summary>
/// The outcome of one transaction's checks; the transaction is null when it did not parse. A VALID verdict carries the
/// verified endorsers and the chaincode endorsement policy's result over them.
/// </summary>
internal sealed record TransactionVerdict(
    ParsedTransaction? Transaction, TxValidationCode Code, string Reason, IReadOnlyList<MspIdentity>? Endorsers = null, PolicyResult? ChaincodePolicy = null);
