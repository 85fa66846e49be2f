using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Tests.Ledger;

public sealed class PeerLedgerTests : IDisposable
{
    private const string Channel = "ehr";
    private readonly TestOrgs _orgs = new("HabanaMSP", "OrdererMSP");
    private readonly TempDirectory _directory = new();
    private readonly SigningIdentity _client;
    private readonly SigningIdentity _peer;
    private readonly TestChain _chain;

    public PeerLedgerTests()
    {
        _client = _orgs.Issue("HabanaMSP", NodeOURole.Client);
        _peer = _orgs.Issue("HabanaMSP", NodeOURole.Peer);
        _chain = new TestChain(_orgs.Issue("OrdererMSP", NodeOURole.Orderer));
    }

    [Fact]
    public void Valid_writes_are_committed_at_block_and_tx_version_and_invalid_ones_are_not()
    {
        // Arrange
        using var ledger = PeerLedger.Open(_directory.Path);
        var (first, firstId) = Write(("patient1", "alice"));
        var (second, _) = Write(("patient2", "bob"));
        var (third, thirdId) = Write(("patient3", "carol"));
        var block = Filtered(_chain.Next(first, second, third), TxValidationCode.Valid, TxValidationCode.MvccReadConflict, TxValidationCode.Valid);

        // Act
        ledger.Commit(block);

        // Assert
        Assert.Equal(1UL, ledger.Height);
        Assert.Equal(new KeyVersion(0, 0), ledger.GetState(TestTransactions.Chaincode, "patient1")?.Version);
        Assert.Equal("alice"u8.ToArray(), ledger.GetState(TestTransactions.Chaincode, "patient1")?.Value);
        Assert.Null(ledger.GetState(TestTransactions.Chaincode, "patient2"));
        Assert.Equal(new KeyVersion(0, 2), ledger.GetState(TestTransactions.Chaincode, "patient3")?.Version);
        Assert.Equal(new TransactionRecord(0, 0, TxValidationCode.Valid), ledger.FindTransaction(firstId));
        Assert.Equal(new TransactionRecord(0, 2, TxValidationCode.Valid), ledger.FindTransaction(thirdId));
        Assert.Null(ledger.FindTransaction("unknown"));
    }

    [Fact]
    public void Range_queries_return_keys_in_order_within_bounds_and_history_keeps_every_modification()
    {
        // Arrange
        using var ledger = PeerLedger.Open(_directory.Path);
        ledger.Commit(Filtered(_chain.Next(Write(("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")).Envelope), TxValidationCode.Valid));
        var (update, updateId) = Write(("b", "22"));
        var (delete, deleteId) = Write(("b", null));
        ledger.Commit(Filtered(_chain.Next(update, delete), TxValidationCode.Valid, TxValidationCode.Valid));

        // Act
        var range = ledger.GetStateRange(TestTransactions.Chaincode, "a", "d").Select(e => e.Key).ToList();
        var open = ledger.GetStateRange(TestTransactions.Chaincode, "c", string.Empty).Select(e => e.Key).ToList();
        var history = ledger.GetHistory(TestTransactions.Chaincode, "b").ToList();

        // Assert
        Assert.Equal(["a", "c"], range);
        Assert.Equal(["c", "d"], open);
        Assert.Equal(3, history.Count);
        Assert.Equal("2", history[0].Value.ToStringUtf8());
        Assert.Equal((updateId, "22", false), (history[1].TxId, history[1].Value.ToStringUtf8(), history[1].IsDelete));
        Assert.Equal((deleteId, true), (history[2].TxId, history[2].IsDelete));
        Assert.Null(ledger.GetState(TestTransactions.Chaincode, "b"));
    }

    [Fact]
    public void State_survives_a_restart_and_a_block_without_state_is_replayed_on_open()
    {
        // Arrange: block 0 committed; block 1 reached the block store but its state did not (a crash in between).
        var block0 = Filtered(_chain.Next(Write(("k", "v0")).Envelope), TxValidationCode.Valid);
        var (update, updateId) = Write(("k", "v1"));
        var block1 = Filtered(_chain.Next(update), TxValidationCode.Valid);
        byte[] checkpoint0;
        using (var ledger = PeerLedger.Open(_directory.Path))
        {
            checkpoint0 = ledger.Commit(block0);
            ledger.Blocks.Append(block1);
            Assert.Equal(1UL, ledger.Height);
        }

        // Act
        using var reopened = PeerLedger.Open(_directory.Path);

        // Assert
        Assert.Equal(2UL, reopened.Height);
        Assert.Equal("v1"u8.ToArray(), reopened.GetState(TestTransactions.Chaincode, "k")?.Value);
        Assert.Equal(new TransactionRecord(1, 0, TxValidationCode.Valid), reopened.FindTransaction(updateId));
        Assert.Equal(checkpoint0, reopened.GetCheckpointHash(0));
        Assert.NotNull(reopened.GetCheckpointHash(1));
    }

    [Fact]
    public void Two_ledgers_that_commit_the_same_blocks_have_the_same_checkpoint_hashes()
    {
        // Arrange
        var blocks = new[]
        {
            Filtered(_chain.Next(Write(("x", "1")).Envelope), TxValidationCode.Valid),
            Filtered(_chain.Next(Write(("x", "2")).Envelope, Write(("y", "3")).Envelope), TxValidationCode.Valid, TxValidationCode.MvccReadConflict),
        };
        using var otherDirectory = new TempDirectory();
        using var first = PeerLedger.Open(_directory.Path);
        using var second = PeerLedger.Open(otherDirectory.Path);

        // Act
        var firstHashes = blocks.Select(b => first.Commit(b.Clone())).ToList();
        var secondHashes = blocks.Select(b => second.Commit(b.Clone())).ToList();

        // Assert
        Assert.Equal(firstHashes, secondHashes);
        Assert.NotEqual(firstHashes[0], firstHashes[1]);
    }

    [Fact]
    public void A_block_that_does_not_extend_the_chain_is_refused_with_a_clear_error()
    {
        // Arrange
        using var ledger = PeerLedger.Open(_directory.Path);
        _chain.Next(Write(("a", "1")).Envelope);
        var block1 = Filtered(_chain.Next(Write(("a", "2")).Envelope), TxValidationCode.Valid);

        // Act
        var error = Assert.Throws<LedgerException>(() => ledger.Commit(block1));

        // Assert
        Assert.Contains("does not extend the chain", error.Message, StringComparison.Ordinal);
        Assert.Equal(0UL, ledger.Height);
    }

    public void Dispose()
    {
        _client.Dispose();
        _peer.Dispose();
        _orgs.Dispose();
        _directory.Dispose();
    }

    private (Envelope Envelope, string TxId) Write(params (string Key, string? Value)[] writes) =>
        TestTransactions.Endorsed(_client, Channel, TestTransactions.RwSet(writes: writes), [_peer]);

    private static Block Filtered(Block block, params TxValidationCode[] codes)
    {
        TransactionsFilter.Write(block, codes);
        return block;
    }
}
