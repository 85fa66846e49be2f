using System.Text;
using System.Text.Json.Nodes;
using Ceiba.Testing.Chaincode;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class RangeQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Range_fetches_every_batch_in_key_order_and_needs_no_close()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        Seed(driver.Ledger, 250);

        // Act
        var result = await driver.InvokeAsync(Ct, "range", "", "");

        // Assert: 250 results in batches of 100 -> GET_STATE_BY_RANGE + 2 x QUERY_STATE_NEXT.
        var items = JsonNode.Parse(result.PayloadText)!.AsArray();
        Assert.Equal(250, items.Count);
        Assert.Equal("key000", (string?)items[0]!["key"]);
        Assert.Equal("key249", (string?)items[249]!["key"]);
        Assert.Equal("value123", (string?)items[123]!["value"]);
        Assert.Equal([MessageType.GetStateByRange, MessageType.QueryStateNext, MessageType.QueryStateNext], result.Requests);
        Assert.Equal(0, result.OpenQueries);
    }

    [Fact]
    public async Task Leaving_a_range_early_sends_query_state_close()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        Seed(driver.Ledger, 250);

        // Act
        var result = await driver.InvokeAsync(Ct, "rangeFirst", "key010", "key200", "5");

        // Assert
        Assert.Equal("""["key010","key011","key012","key013","key014"]""", result.PayloadText);
        Assert.Equal([MessageType.GetStateByRange, MessageType.QueryStateClose], result.Requests);
        Assert.Equal(0, result.OpenQueries);
    }

    [Fact]
    public async Task Empty_start_key_skips_composite_keys_and_end_key_is_exclusive()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        driver.Ledger.Put("\u0000note\u0000p1\u0000", "composite"u8.ToArray());
        driver.Ledger.Put("a", "1"u8.ToArray());
        driver.Ledger.Put("b", "2"u8.ToArray());
        driver.Ledger.Put("c", "3"u8.ToArray());

        // Act
        var result = await driver.InvokeAsync(Ct, "range", "", "c");

        // Assert
        Assert.Equal("""[{"key":"a","value":"1"},{"key":"b","value":"2"}]""", result.PayloadText);
    }

    [Fact]
    public async Task Pagination_walks_pages_with_the_bookmark()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        Seed(driver.Ledger, 25);

        // Act
        var first = Page(await driver.InvokeAsync(Ct, "page", "", "", "10", ""));
        var second = Page(await driver.InvokeAsync(Ct, "page", "", "", "10", first.Bookmark));
        var last = Page(await driver.InvokeAsync(Ct, "page", "", "", "10", second.Bookmark));

        // Assert
        Assert.Equal((10, "key000", "key009", "key010"), (first.Fetched, first.Keys[0], first.Keys[^1], first.Bookmark));
        Assert.Equal((10, "key010", "key019", "key020"), (second.Fetched, second.Keys[0], second.Keys[^1], second.Bookmark));
        Assert.Equal((5, "key020", "key024", ""), (last.Fetched, last.Keys[0], last.Keys[^1], last.Bookmark));
    }

    [Fact]
    public async Task A_page_larger_than_a_batch_reads_the_metadata_from_the_last_batch()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        Seed(driver.Ledger, 250);

        // Act
        var result = await driver.InvokeAsync(Ct, "page", "key000", "", "150", "");
        var page = Page(result);

        // Assert
        Assert.Equal(150, page.Keys.Count);
        Assert.Equal((150, "key150"), (page.Fetched, page.Bookmark));
        Assert.Equal([MessageType.GetStateByRange, MessageType.QueryStateNext], result.Requests);
    }

    [Fact]
    public async Task A_composite_key_as_range_bound_is_refused()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var result = await driver.InvokeAsync(Ct, "range", "\u0000note\u0000", "");

        // Assert
        Assert.False(result.IsCompleted);
        Assert.Contains("contains a null character which is not allowed", result.ErrorText);
        Assert.Empty(result.Requests);
    }

    [Fact]
    public async Task History_lists_changes_newest_first_with_deletes()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        var v1 = await driver.InvokeAsync(Ct, "put", "note:1", "v1");
        var v2 = await driver.InvokeAsync(Ct, "put", "note:1", "v2");
        var deleted = await driver.InvokeAsync(Ct, "del", "note:1");

        // Act
        var result = await driver.InvokeAsync(Ct, "history", "note:1");

        // Assert
        var items = JsonNode.Parse(result.PayloadText)!.AsArray();
        Assert.Equal([deleted.TxId, v2.TxId, v1.TxId], items.Select(i => (string)i!["txId"]!));
        Assert.Equal(["", "v2", "v1"], items.Select(i => (string)i!["value"]!));
        Assert.Equal([true, false, false], items.Select(i => (bool)i!["isDelete"]!));
        Assert.Equal([MessageType.GetHistoryForKey], result.Requests);
    }

    internal static void Seed(InMemoryLedger ledger, int count)
    {
        for (var i = 0; i < count; i++)
        {
            ledger.Put($"key{i:000}", Encoding.UTF8.GetBytes($"value{i:000}"));
        }
    }

    private static (List<string> Keys, int Fetched, string Bookmark) Page(TransactionResult result)
    {
        Assert.True(result.IsCompleted, result.ToString());
        var json = JsonNode.Parse(result.PayloadText)!;
        var keys = json["items"]!.AsArray().Select(i => (string)i!["key"]!).ToList();
        return (keys, (int)json["fetched"]!, (string)json["bookmark"]!);
    }
}
