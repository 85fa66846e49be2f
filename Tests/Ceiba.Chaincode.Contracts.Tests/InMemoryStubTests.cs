using System.Text;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Testing;

namespace Ceiba.Chaincode.Contracts.Tests;

/// <summary>The test double must behave like a peer, or the contract tests built on it prove nothing.</summary>
public sealed class InMemoryStubTests
{
    private readonly InMemoryLedger _ledger = new();

    private void Commit(params (string Key, string Value)[] entries)
    {
        var stub = _ledger.NewTransaction(RouterFixture.Caller, "seed");
        foreach (var (key, value) in entries)
        {
            stub.PutStateAsync(key, Encoding.UTF8.GetBytes(value)).GetAwaiter().GetResult();
        }

        _ledger.Commit(stub);
    }

    [Fact]
    public async Task Reads_see_committed_state_but_not_the_transactions_own_writes()
    {
        // Arrange
        Commit(("a", "1"));
        var stub = _ledger.NewTransaction(RouterFixture.Caller, "f");

        // Act
        await stub.PutStateAsync("a", "2"u8.ToArray());
        await stub.PutStateAsync("b", "3"u8.ToArray());
        var a = await stub.GetStateAsync("a");
        var b = await stub.GetStateAsync("b");

        // Assert
        Assert.Equal("1", Encoding.UTF8.GetString(a));
        Assert.Empty(b);
    }

    [Fact]
    public async Task A_partial_composite_key_query_matches_only_its_object_type_and_attribute_prefix()
    {
        // Arrange
        Commit(
            (CompositeKey.Create("person", ["1"]), "p1"),
            (CompositeKey.Create("person~note", ["1", "10"]), "n10"),
            (CompositeKey.Create("person~note", ["1", "11"]), "n11"),
            (CompositeKey.Create("person~note", ["12", "13"]), "n13"),
            ("person", "simple"));
        var reader = _ledger.NewTransaction(RouterFixture.Caller, "g");

        // Act
        var persons = await reader.GetStateByPartialCompositeKeyAsync("person").ToListAsync(TestContext.Current.CancellationToken);
        var notesOfOne = await reader.GetStateByPartialCompositeKeyAsync("person~note", ["1"]).ToListAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["p1"], persons.Select(kv => Encoding.UTF8.GetString(kv.Value)));
        Assert.Equal(["n10", "n11"], notesOfOne.Select(kv => Encoding.UTF8.GetString(kv.Value)));
    }

    [Fact]
    public async Task Pagination_returns_pages_in_key_order_with_a_bookmark_until_exhausted()
    {
        // Arrange
        Commit(Enumerable.Range(1, 5).Select(i => (CompositeKey.Create("t", [$"{i}"]), $"v{i}")).ToArray());
        var reader = _ledger.NewTransaction(RouterFixture.Caller, "g");

        // Act
        var first = await reader.GetStateByPartialCompositeKeyWithPaginationAsync("t", [], 2);
        var second = await reader.GetStateByPartialCompositeKeyWithPaginationAsync("t", [], 2, first.Metadata.Bookmark);
        var third = await reader.GetStateByPartialCompositeKeyWithPaginationAsync("t", [], 2, second.Metadata.Bookmark);

        // Assert
        Assert.Equal(["v1", "v2"], first.Items.Select(kv => Encoding.UTF8.GetString(kv.Value)));
        Assert.Equal(["v3", "v4"], second.Items.Select(kv => Encoding.UTF8.GetString(kv.Value)));
        Assert.Equal(["v5"], third.Items.Select(kv => Encoding.UTF8.GetString(kv.Value)));
        Assert.Equal(1, third.Metadata.FetchedRecordsCount);
        Assert.Equal("", third.Metadata.Bookmark);
    }

    [Fact]
    public async Task History_lists_every_committed_change_newest_first_with_deletes()
    {
        // Arrange
        Commit(("k", "1"));
        Commit(("k", "2"));
        var deleter = _ledger.NewTransaction(RouterFixture.Caller, "del");
        await deleter.DeleteStateAsync("k");
        _ledger.Commit(deleter);
        var reader = _ledger.NewTransaction(RouterFixture.Caller, "g");

        // Act
        var history = await reader.GetHistoryForKeyAsync("k").ToListAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([true, false, false], history.Select(change => change.IsDelete));
        Assert.Equal(["", "2", "1"], history.Select(change => Encoding.UTF8.GetString(change.Value)));
        Assert.Equal(deleter.TxId, history[0].TxId);
        Assert.False(_ledger.State.ContainsKey("k"));
    }

    [Fact]
    public void Only_the_last_event_of_a_transaction_is_kept()
    {
        // Arrange
        var stub = _ledger.NewTransaction(RouterFixture.Caller, "f");

        // Act
        stub.SetEvent("First", "1"u8.ToArray());
        stub.SetEvent("Second", "2"u8.ToArray());

        // Assert
        Assert.Equal("Second", stub.Event?.Name);
    }
}
