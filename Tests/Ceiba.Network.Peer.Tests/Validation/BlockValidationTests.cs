using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Peer.Validation;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using static Ceiba.Network.Peer.Tests.Support.TestTransactions;

namespace Ceiba.Network.Peer.Tests.Validation;

public sealed class BlockValidationTests : IDisposable
{
    private readonly ValidationHarness _harness = new();

    [Fact]
    public void Two_concurrent_updates_of_one_key_in_one_block_give_valid_then_mvcc_read_conflict()
    {
        // Arrange
        _harness.Commit(_harness.Transaction(RwSet(writes: [("patient1", "v1")])).Envelope);
        var (first, _) = _harness.Transaction(RwSet(reads: [("patient1", (1, 0))], writes: [("patient1", "from-first")]));
        var (second, _) = _harness.Transaction(RwSet(reads: [("patient1", (1, 0))], writes: [("patient1", "from-second")]));

        // Act
        var committed = _harness.Commit(first, second);

        // Assert
        Assert.Equal([TxValidationCode.Valid, TxValidationCode.MvccReadConflict], committed.Validation.Codes);
        Assert.Equal("from-first"u8.ToArray(), _harness.Ledger.GetState(TestTransactions.Chaincode, "patient1")?.Value);
        Assert.Equal([(byte)0, (byte)11], TransactionsFilter.Read(_harness.Ledger.Blocks.GetBlock(2)));
    }

    [Fact]
    public void A_read_of_a_stale_version_or_of_a_key_created_since_is_an_mvcc_read_conflict()
    {
        // Arrange
        _harness.Commit(_harness.Transaction(RwSet(writes: [("a", "1"), ("b", "1")])).Envelope);
        var (stale, _) = _harness.Transaction(RwSet(reads: [("a", (0, 0))], writes: [("a", "2")]));
        var (absent, _) = _harness.Transaction(RwSet(reads: [("b", null)], writes: [("b", "2")]));
        var (current, _) = _harness.Transaction(RwSet(reads: [("a", (1, 0)), ("missing", null)], writes: [("c", "3")]));

        // Act
        var committed = _harness.Commit(stale, absent, current);

        // Assert
        Assert.Equal([TxValidationCode.MvccReadConflict, TxValidationCode.MvccReadConflict, TxValidationCode.Valid], committed.Validation.Codes);
    }

    [Fact]
    public void A_range_read_that_an_earlier_transaction_of_the_block_changed_is_a_phantom_read_conflict()
    {
        // Arrange
        _harness.Commit(_harness.Transaction(RwSet(writes: [("p1", "x"), ("p3", "x")])).Envelope);
        var (insert, _) = _harness.Transaction(RwSet(writes: [("p2", "new")]));
        var range = RwSet();
        range.RangeQueriesInfo.Add(RangeRead("p0", "p9", ("p1", 1, 0), ("p3", 1, 0)));
        var (query, _) = _harness.Transaction(range);
        var unchanged = RwSet(writes: [("q", "1")]);
        unchanged.RangeQueriesInfo.Add(RangeRead("p0", "p9", ("p1", 1, 0), ("p3", 1, 0)));
        var (valid, _) = _harness.Transaction(unchanged);

        // Act
        var committed = _harness.Commit(valid, insert, query);

        // Assert
        Assert.Equal([TxValidationCode.Valid, TxValidationCode.Valid, TxValidationCode.PhantomReadConflict], committed.Validation.Codes);
    }

    [Fact]
    public void A_tx_id_seen_in_the_block_or_in_the_ledger_is_a_duplicate()
    {
        // Arrange
        var nonce = TransactionIds.NewNonce();
        var (original, txId) = _harness.Transaction(RwSet(writes: [("k", "1")]), nonce: nonce);
        var (sameBlock, _) = _harness.Transaction(RwSet(writes: [("k2", "1")]), nonce: nonce);
        var (laterBlock, _) = _harness.Transaction(RwSet(writes: [("k3", "1")]), nonce: nonce);

        // Act
        var first = _harness.Commit(original, sameBlock);
        var second = _harness.Commit(laterBlock);

        // Assert
        Assert.Equal([TxValidationCode.Valid, TxValidationCode.DuplicateTxid], first.Validation.Codes);
        Assert.Equal([TxValidationCode.DuplicateTxid], second.Validation.Codes);
        Assert.Equal(new TransactionRecord(1, 0, TxValidationCode.Valid), _harness.Ledger.FindTransaction(txId));
        Assert.Null(_harness.Ledger.GetState(TestTransactions.Chaincode, "k3"));
    }

    [Fact]
    public void A_tampered_endorsement_gives_endorsement_policy_failure()
    {
        // Arrange
        var (envelope, _) = _harness.Transaction(RwSet(writes: [("k", "1")]));
        var tampered = Tamper(envelope, _harness.Client, action =>
        {
            var signature = action.Action.Endorsements[1].Signature.ToByteArray();
            signature[^1] ^= 0x01;
            action.Action.Endorsements[1].Signature = ByteString.CopyFrom(signature);
        });

        // Act
        var committed = _harness.Commit(tampered);

        // Assert
        Assert.Equal([TxValidationCode.EndorsementPolicyFailure], committed.Validation.Codes);
        Assert.Contains("does not verify", committed.Validation.Reasons[0], StringComparison.Ordinal);
        Assert.Null(_harness.Ledger.GetState(TestTransactions.Chaincode, "k"));
    }

    [Fact]
    public void Endorsements_of_too_few_orgs_of_an_unknown_org_or_of_a_client_fail_the_policy()
    {
        // Arrange
        using var strangers = new TestOrgs("StrangerMSP");
        using var stranger = strangers.Issue("StrangerMSP", NodeOURole.Peer);
        var (oneOrg, _) = _harness.Transaction(RwSet(writes: [("a", "1")]), [_harness.Issue("HabanaMSP", NodeOURole.Peer)]);
        var (unknownOrg, _) = _harness.Transaction(RwSet(writes: [("b", "1")]), [_harness.Issue("HabanaMSP", NodeOURole.Peer), stranger]);
        var (wrongRole, _) = _harness.Transaction(RwSet(writes: [("c", "1")]), [_harness.Issue("HabanaMSP", NodeOURole.Peer), _harness.Issue("SantiagoMSP", NodeOURole.Client)]);

        // Act
        var committed = _harness.Commit(oneOrg, unknownOrg, wrongRole);

        // Assert
        Assert.All(committed.Validation.Codes, code => Assert.Equal(TxValidationCode.EndorsementPolicyFailure, code));
        Assert.Contains("StrangerMSP", committed.Validation.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void One_endorser_listed_twice_counts_once()
    {
        // Arrange
        var (once, _) = _harness.Transaction(RwSet(writes: [("k", "1")]), [_harness.Issue("HabanaMSP", NodeOURole.Peer)]);
        var twice = Tamper(once, _harness.Client, action => action.Action.Endorsements.Add(action.Action.Endorsements[0].Clone()));

        // Act
        var committed = _harness.Commit(twice);

        // Assert
        Assert.Equal([TxValidationCode.EndorsementPolicyFailure], committed.Validation.Codes);
    }

    [Fact]
    public void A_bad_creator_signature_gives_bad_creator_signature()
    {
        // Arrange
        var (envelope, _) = _harness.Transaction(RwSet(writes: [("k", "1")]));
        var signature = envelope.Signature.ToByteArray();
        signature[^1] ^= 0x01;
        envelope.Signature = ByteString.CopyFrom(signature);

        // Act
        var committed = _harness.Commit(envelope);

        // Assert
        Assert.Equal([TxValidationCode.BadCreatorSignature], committed.Validation.Codes);
    }

    [Fact]
    public void Malformed_envelopes_a_changed_proposal_and_an_undefined_chaincode_each_get_their_code_and_the_block_still_commits()
    {
        // Arrange
        var garbage = new Envelope { Payload = ByteString.CopyFrom(0xFF, 0xFF, 0xFF), Signature = ByteString.CopyFromUtf8("x") };
        var (changed, _) = _harness.Transaction(RwSet(writes: [("k", "1")]));
        changed = Tamper(changed, _harness.Client, action => action.ChaincodeProposalPayload = ByteString.CopyFromUtf8("other input"));
        var (otherChaincode, _) = Endorsed(_harness.Client, ValidationHarness.Channel, RwSet(writes: [("k", "1")]), _harness.MajorityEndorsers(), chaincode: "unknown");
        var (valid, _) = _harness.Transaction(RwSet(writes: [("k", "1")]));

        // Act
        var committed = _harness.Commit(garbage, changed, otherChaincode, valid);

        // Assert
        Assert.Equal(
            [TxValidationCode.NilEnvelope, TxValidationCode.InvalidEndorserTransaction, TxValidationCode.InvalidChaincode, TxValidationCode.Valid],
            committed.Validation.Codes);
        Assert.Equal(new KeyVersion(1, 3), _harness.Ledger.GetState(TestTransactions.Chaincode, "k")?.Version);
    }

    [Fact]
    public void A_block_not_signed_by_an_orderer_or_with_changed_data_is_refused_whole()
    {
        // Arrange
        var (envelope, _) = _harness.Transaction(RwSet(writes: [("k", "1")]));
        var forged = new TestChain(_harness.Issue("HabanaMSP", NodeOURole.Admin));
        forged.Next();
        var unsigned = forged.Next(envelope);
        var changed = _harness.Chain.Next(envelope);
        changed.Data.Data[0] = _harness.Transaction(RwSet(writes: [("k", "2")])).Envelope.ToByteString();

        // Act
        var signatureError = Assert.Throws<BlockValidationException>(() => _harness.Committer.Commit(unsigned));
        var dataError = Assert.Throws<BlockValidationException>(() => _harness.Committer.Commit(changed));

        // Assert
        Assert.Contains("BlockValidation", signatureError.Message, StringComparison.Ordinal);
        Assert.Contains("data_hash", dataError.Message, StringComparison.Ordinal);
        Assert.Equal(1UL, _harness.Ledger.Height);
    }

    public void Dispose() => _harness.Dispose();

    private static RangeQueryInfo RangeRead(string start, string end, params (string Key, ulong Block, ulong Tx)[] reads)
    {
        var raw = new QueryReads();
        raw.KvReads.AddRange(reads.Select(r => new KVRead { Key = r.Key, Version = new Protos.Ledger.KvRwset.Version { BlockNum = r.Block, TxNum = r.Tx } }));
        return new RangeQueryInfo { StartKey = start, EndKey = end, ItrExhausted = true, RawReads = raw };
    }
}
