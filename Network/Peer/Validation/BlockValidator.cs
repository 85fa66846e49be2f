using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Peer.Validation.Internal;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Validation;

/// <summary>
/// Validates a block delivered by the orderers against a peer's ledger (FABRIC-FACTS §7): the block's
/// data hash, chain link and orderer signatures (BlockValidation), then each transaction's headers,
/// creator signature, tx id, duplicate tx ids (ledger and block), endorsement policy (the chaincode's and key-level
/// VALIDATION_PARAMETER policies) and MVCC.
/// Transaction checks that are independent run in parallel; duplicates and MVCC run in block order.
/// </summary>
public sealed class BlockValidator
{
    private readonly ChannelPolicies _policies;
    private readonly PeerLedger _ledger;
    private readonly TransactionChecks _checks;

    /// <summary>Creates a validator for channel <paramref name="channelId"/>.</summary>
    /// <param name="channelId">The channel the ledger belongs to.</param>
    /// <param name="policies">The channel's compiled configuration policies and MSPs.</param>
    /// <param name="endorsementPolicies">The endorsement policy of every chaincode defined on the channel.</param>
    /// <param name="ledger">The ledger the block will be committed to.</param>
    public BlockValidator(string channelId, ChannelPolicies policies, EndorsementPolicies endorsementPolicies, PeerLedger ledger)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        _policies = policies ?? throw new ArgumentNullException(nameof(policies));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _checks = new TransactionChecks(channelId, policies.Msps, endorsementPolicies ?? throw new ArgumentNullException(nameof(endorsementPolicies)));
    }

    /// <summary>Validates <paramref name="block"/>, the ledger's next block.</summary>
    /// <exception cref="BlockValidationException">The block as a whole is not acceptable.</exception>
    public BlockValidationResult Validate(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        CheckBlock(block);
        var envelopes = block.Data.Data;
        var verdicts = new TransactionVerdict[envelopes.Count];
        Parallel.For(0, envelopes.Count, i => verdicts[i] = _checks.Check(envelopes[i]));

        var codes = new TxValidationCode[envelopes.Count];
        var txIds = new string[envelopes.Count];
        var reasons = new string[envelopes.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mvcc = new MvccCheck(_ledger);
        var endorsement = new KeyLevelEndorsement(_ledger);
        for (var i = 0; i < envelopes.Count; i++)
        {
            var (transaction, code, reason, endorsers, chaincodePolicy) = verdicts[i];
            txIds[i] = transaction?.TxId ?? string.Empty;
            if (transaction is not null && txIds[i].Length > 0 && (!seen.Add(txIds[i]) || _ledger.FindTransaction(txIds[i]) is not null))
            {
                (code, reason) = (TxValidationCode.DuplicateTxid, $"duplicate transaction found: {txIds[i]}");
            }

            if (code == TxValidationCode.Valid && transaction is not null)
            {
                (code, reason) = endorsement.Check(transaction, endorsers ?? [], chaincodePolicy ?? PolicyResult.Failed("no endorsement policy result"));
            }

            if (code == TxValidationCode.Valid && transaction is not null)
            {
                (code, reason) = mvcc.Check(transaction);
                if (code == TxValidationCode.Valid)
                {
                    mvcc.Record(transaction);
                    endorsement.Record(transaction);
                }
            }

            codes[i] = code;
            reasons[i] = reason;
        }

        return new BlockValidationResult(codes, txIds, reasons) { Transactions = Array.ConvertAll(verdicts, verdict => verdict.Transaction) };
    }

    private void CheckBlock(Block block)
    {
        if (block.Header is not { } header || block.Data is null)
        {
            throw new BlockValidationException("the block has no header or no data");
        }

        if (header.Number != _ledger.Height)
        {
            throw new BlockValidationException($"block {header.Number} is not the next block: the ledger height is {_ledger.Height}");
        }

        if (!header.PreviousHash.Span.SequenceEqual(_ledger.Blocks.TipHash.Span))
        {
            throw new BlockValidationException($"block {header.Number}: previous_hash is not the hash of block {header.Number - 1}");
        }

        if (!header.DataHash.Span.SequenceEqual(BlockHashing.DataHash(block.Data)))
        {
            throw new BlockValidationException($"block {header.Number}: data_hash does not match the data");
        }

        var result = _policies.Evaluate(PolicyPaths.BlockValidation, OrdererSignatures(block));
        if (!result.IsSatisfied)
        {
            throw new BlockValidationException($"block {header.Number}: the orderer signatures do not satisfy BlockValidation: {result.Reason}");
        }
    }

    private static List<SignedData> OrdererSignatures(Block block)
    {
        var signatures = new List<SignedData>();
        if (block.Metadata is not { } metadata || metadata.Metadata.Count <= (int)BlockMetadataIndex.Signatures)
        {
            return signatures;
        }

        try
        {
            var entry = Metadata.Parser.ParseFrom(metadata.Metadata[(int)BlockMetadataIndex.Signatures].Span);
            var headerDer = BlockHashing.HeaderDer(block.Header);
            foreach (var signature in entry.Signatures)
            {
                var creator = SignatureHeader.Parser.ParseFrom(signature.SignatureHeader.Span).Creator;
                var signed = ByteString.CopyFrom([.. entry.Value.Span, .. signature.SignatureHeader.Span, .. headerDer]);
                signatures.Add(new SignedData(signed.Memory, creator.Memory, signature.Signature.Memory));
            }
        }
        catch (InvalidProtocolBufferException)
        {
            // A malformed SIGNATURES entry carries no usable signature; the policy then fails.
        }

        return signatures;
    }
}
