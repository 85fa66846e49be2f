using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Topology.Generation.ChannelConfig;
using Google.Protobuf;
using static Ceiba.Network.Peer.Tests.Support.TestTransactions;
using MSPRoleType = Ceiba.Network.Protos.Common.MSPRole.Types.MSPRoleType;

namespace Ceiba.Network.Peer.Tests.Validation;

/// <summary>
/// Key-level endorsement (VALIDATION_PARAMETER metadata) under a MAJORITY chaincode policy over three orgs: a key's own
/// policy replaces the chaincode's for writes of that key, and guards changes of itself.
/// </summary>
public sealed class KeyLevelEndorsementTests : IDisposable
{
    private readonly ValidationHarness _harness = new();

    [Fact]
    public void A_metadata_write_endorsed_by_the_chaincode_policy_sets_the_keys_policy_which_then_decides_its_writes()
    {
        // Arrange
        var guantanamoOnly = Policy("GuantanamoMSP");
        var (set, _) = _harness.Transaction(WithPolicy(RwSet(writes: [("record", "v1")]), "record", guantanamoOnly));
        var setBlock = _harness.Commit(set);
        var (byMajority, _) = _harness.Transaction(RwSet(writes: [("record", "v2")]));
        var (byTheKeysOrg, _) = _harness.Transaction(RwSet(writes: [("record", "v3")]), [Peer("GuantanamoMSP")]);

        // Act
        var refused = _harness.Commit(byMajority);
        var accepted = _harness.Commit(byTheKeysOrg);

        // Assert
        Assert.Equal([TxValidationCode.Valid], setBlock.Validation.Codes);
        Assert.Equal(guantanamoOnly, _harness.Ledger.GetValidationParameter(TestTransactions.Chaincode, "record"));
        Assert.Equal([TxValidationCode.EndorsementPolicyFailure], refused.Validation.Codes);
        Assert.Contains("key-level endorsement policy of ehr/record", refused.Validation.Reasons[0], StringComparison.Ordinal);
        Assert.Equal([TxValidationCode.Valid], accepted.Validation.Codes);
        Assert.Equal("v3"u8.ToArray(), _harness.Ledger.GetState(TestTransactions.Chaincode, "record")!.Value);
    }

    [Fact]
    public void A_transaction_that_also_writes_a_key_without_its_own_policy_still_needs_the_chaincode_policy()
    {
        // Arrange
        _harness.Commit(_harness.Transaction(WithPolicy(RwSet(writes: [("guarded", "v1")]), "guarded", Policy("GuantanamoMSP"))).Envelope);
        var (mixed, _) = _harness.Transaction(RwSet(writes: [("guarded", "v2"), ("plain", "x")]), [Peer("GuantanamoMSP")]);
        var (mixedWithMajority, _) = _harness.Transaction(RwSet(writes: [("guarded", "v2"), ("plain", "x")]), [Peer("GuantanamoMSP"), Peer("HabanaMSP")]);

        // Act
        var onlyTheKeysOrg = _harness.Commit(mixed);
        var both = _harness.Commit(mixedWithMajority);

        // Assert
        Assert.Equal([TxValidationCode.EndorsementPolicyFailure], onlyTheKeysOrg.Validation.Codes);
        Assert.Equal([TxValidationCode.Valid], both.Validation.Codes);
    }

    [Fact]
    public void Changing_a_keys_policy_needs_the_current_key_policy_and_a_later_write_in_the_same_block_is_refused()
    {
        // Arrange
        _harness.Commit(_harness.Transaction(WithPolicy(RwSet(writes: [("k", "v1")]), "k", Policy("GuantanamoMSP"))).Envelope);
        var (takeoverByMajority, _) = _harness.Transaction(WithPolicy(RwSet(), "k", Policy("HabanaMSP")));
        var (handover, _) = _harness.Transaction(WithPolicy(RwSet(), "k", Policy("HabanaMSP")), [Peer("GuantanamoMSP")]);
        var (sameBlockWrite, _) = _harness.Transaction(RwSet(writes: [("k", "v2")]), [Peer("HabanaMSP")]);
        var (nextBlockWrite, _) = _harness.Transaction(RwSet(writes: [("k", "v3")]), [Peer("HabanaMSP")]);

        // Act
        var block = _harness.Commit(takeoverByMajority, handover, sameBlockWrite);
        var next = _harness.Commit(nextBlockWrite);

        // Assert
        Assert.Equal([TxValidationCode.EndorsementPolicyFailure, TxValidationCode.Valid, TxValidationCode.EndorsementPolicyFailure], block.Validation.Codes);
        Assert.Contains("changed by an earlier transaction of this block", block.Validation.Reasons[2], StringComparison.Ordinal);
        Assert.Equal(Policy("HabanaMSP"), _harness.Ledger.GetValidationParameter(TestTransactions.Chaincode, "k"));
        Assert.Equal([TxValidationCode.Valid], next.Validation.Codes);
    }

    [Fact]
    public void Deleting_a_key_removes_its_policy_and_an_empty_metadata_write_clears_it()
    {
        // Arrange
        _harness.Commit(
            _harness.Transaction(WithPolicy(RwSet(writes: [("gone", "v")]), "gone", Policy("GuantanamoMSP"))).Envelope,
            _harness.Transaction(WithPolicy(RwSet(writes: [("cleared", "v")]), "cleared", Policy("GuantanamoMSP"))).Envelope);
        var (delete, _) = _harness.Transaction(RwSet(writes: [("gone", null)]), [Peer("GuantanamoMSP")]);
        var (clear, _) = _harness.Transaction(WithPolicy(RwSet(), "cleared", []), [Peer("GuantanamoMSP")]);

        // Act
        var committed = _harness.Commit(delete, clear);

        // Assert
        Assert.Equal([TxValidationCode.Valid, TxValidationCode.Valid], committed.Validation.Codes);
        Assert.Null(_harness.Ledger.GetValidationParameter(TestTransactions.Chaincode, "gone"));
        Assert.Null(_harness.Ledger.GetValidationParameter(TestTransactions.Chaincode, "cleared"));
    }

    [Fact]
    public void A_key_policy_that_is_not_a_signature_policy_refuses_writes_with_a_clear_reason()
    {
        // Arrange
        _harness.Commit(_harness.Transaction(WithPolicy(RwSet(writes: [("odd", "v")]), "odd", [0xFF, 0x01, 0x02])).Envelope);
        var (write, _) = _harness.Transaction(RwSet(writes: [("odd", "w")]));

        // Act
        var committed = _harness.Commit(write);

        // Assert
        Assert.Equal([TxValidationCode.EndorsementPolicyFailure], committed.Validation.Codes);
        Assert.Contains("is not a valid signature policy", committed.Validation.Reasons[0], StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

    private static byte[] Policy(string mspId) => PolicyEncoding.AnyOf(mspId, MSPRoleType.Peer).ToByteArray();

    private SigningIdentity Peer(string mspId) => _harness.Issue(mspId, NodeOURole.Peer);

    private static KVRWSet WithPolicy(KVRWSet rwSet, string key, byte[] policy)
    {
        var write = new KVMetadataWrite { Key = key };
        if (policy.Length > 0)
        {
            write.Entries.Add(new KVMetadataEntry { Name = "VALIDATION_PARAMETER", Value = ByteString.CopyFrom(policy) });
        }

        rwSet.MetadataWrites.Add(write);
        return rwSet;
    }
}
