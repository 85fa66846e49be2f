using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Delivery.Internal;
using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using static Ceiba.Network.Peer.Tests.Support.TestTransactions;

namespace Ceiba.Network.Peer.Tests.Delivery;

/// <summary>The filtered blocks built at commit time from the validator's parse are the ones filtering the stored block gives.</summary>
public sealed class RecentFilteredBlocksTests : IDisposable
{
    private readonly ValidationHarness _harness = new();

    [Fact]
    public void A_committed_block_is_filtered_at_commit_exactly_as_when_read_back_from_the_block_store()
    {
        // Arrange: a transaction that does not parse, one with a chaincode event (invalid: its endorsements no longer
        // match), a duplicate tx id, an MVCC conflict and a valid one
        var garbage = new Envelope { Payload = ByteString.CopyFrom(0xFF, 0xFF, 0xFF), Signature = ByteString.CopyFromUtf8("x") };
        var (withEvent, _) = _harness.Transaction(RwSet(writes: [("e", "1")]));
        withEvent = Tamper(withEvent, _harness.Client, action => action.Action.ProposalResponsePayload = WithEvent(action.Action.ProposalResponsePayload));
        var nonce = TransactionIds.NewNonce();
        var (original, _) = _harness.Transaction(RwSet(writes: [("k", "1")]), nonce: nonce);
        var (duplicate, _) = _harness.Transaction(RwSet(writes: [("k2", "1")]), nonce: nonce);
        var (stale, _) = _harness.Transaction(RwSet(reads: [("k", (0, 0))], writes: [("k", "2")]));

        // Act
        var committed = _harness.Commit(garbage, withEvent, original, duplicate, stale);
        var recent = _harness.Committer.RecentFiltered.Find(committed.Number);

        // Assert
        Assert.Equal(
            [TxValidationCode.NilEnvelope, TxValidationCode.EndorsementPolicyFailure, TxValidationCode.Valid, TxValidationCode.DuplicateTxid, TxValidationCode.MvccReadConflict],
            committed.Validation.Codes);
        var fromStore = FilteredBlocks.From(ValidationHarness.Channel, _harness.Ledger.Blocks.GetBlock(committed.Number));
        Assert.NotNull(recent);
        Assert.Equal(fromStore, recent);
        Assert.Equal("created", recent.FilteredTransactions[1].TransactionActions.ChaincodeActions[0].ChaincodeEvent.EventName);
        Assert.True(recent.FilteredTransactions[1].TransactionActions.ChaincodeActions[0].ChaincodeEvent.Payload.IsEmpty);
    }

    [Fact]
    public void Only_the_last_sixteen_blocks_are_kept()
    {
        // Arrange
        var first = _harness.Commit(_harness.Transaction(RwSet(writes: [("k0", "1")])).Envelope).Number;

        // Act
        for (var i = 1; i <= 16; i++)
        {
            _harness.Commit(_harness.Transaction(RwSet(writes: [($"k{i}", "1")])).Envelope);
        }

        // Assert
        Assert.Null(_harness.Committer.RecentFiltered.Find(first));
        Assert.NotNull(_harness.Committer.RecentFiltered.Find(first + 1));
        Assert.NotNull(_harness.Committer.RecentFiltered.Find(first + 16));
    }

    [Fact]
    public void A_parsed_list_that_does_not_match_the_block_is_refused_and_nothing_is_stored()
    {
        // Arrange
        var (envelope, _) = _harness.Transaction(RwSet(writes: [("k", "1")]));
        var block = _harness.Chain.Next(envelope);
        TransactionsFilter.Write(block, [TxValidationCode.Valid]);
        var height = _harness.Ledger.Height;

        // Act
        var error = Assert.Throws<ArgumentException>(() => _harness.Ledger.Commit(block, Array.Empty<ParsedTransaction?>()));

        // Assert
        Assert.Contains("0 parsed transactions for a block of 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(height, _harness.Ledger.Height);
    }

    public void Dispose() => _harness.Dispose();

    private static ByteString WithEvent(ByteString proposalResponsePayload)
    {
        var payload = ProposalResponsePayload.Parser.ParseFrom(proposalResponsePayload);
        var action = ChaincodeAction.Parser.ParseFrom(payload.Extension);
        action.Events = new ChaincodeEvent { ChaincodeId = TestTransactions.Chaincode, EventName = "created", Payload = ByteString.CopyFromUtf8("{\"id\":1}") }.ToByteString();
        payload.Extension = action.ToByteString();
        return payload.ToByteString();
    }
}
