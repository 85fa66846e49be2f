using System.Text.Json.Nodes;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class CompositeKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Encodes_as_fabric_does_and_splits_back()
    {
        // Arrange
        var attributes = new[] { "person-7", "2024-03-01" };

        // Act
        var key = CompositeKey.Create("note~person~date", attributes);
        var parts = CompositeKey.Parse(key);

        // Assert
        Assert.Equal("\u0000note~person~date\u0000person-7\u00002024-03-01\u0000", key);
        Assert.Equal("note~person~date", parts.ObjectType);
        Assert.Equal(attributes, parts.Attributes);
    }

    [Fact]
    public void Object_type_alone_has_no_attributes()
    {
        // Act
        var parts = CompositeKey.Parse(CompositeKey.Create("person", []));

        // Assert
        Assert.Equal("person", parts.ObjectType);
        Assert.Empty(parts.Attributes);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("max\U0010FFFF")]
    public void Refuses_parts_fabric_refuses(string bad)
    {
        // Act
        var inType = Assert.Throws<ArgumentException>(() => CompositeKey.Create(bad, []));
        var inAttribute = Assert.Throws<ArgumentException>(() => CompositeKey.Create("ok", ["fine", bad]));

        // Assert
        Assert.Equal("objectType", inType.ParamName);
        Assert.Equal("attributes", inAttribute.ParamName);
    }

    [Fact]
    public void Refuses_a_lone_surrogate_which_has_no_utf8_encoding()
    {
        // Arrange
        var lone = "lone" + (char)0xD800;

        // Act
        var error = Assert.Throws<ArgumentException>(() => CompositeKey.Create("ok", [lone]));

        // Assert
        Assert.Contains("lone surrogate", error.Message);
    }

    [Fact]
    public void Refuses_to_split_a_simple_key()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => CompositeKey.Parse("person:1"));

        // Assert
        Assert.Contains("Not a composite key", error.Message);
    }

    [Fact]
    public async Task Partial_key_query_returns_only_matching_prefixes()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        await driver.InvokeAsync(Ct, "putIndexed", "note~person", "n1", "p1", "note1");
        await driver.InvokeAsync(Ct, "putIndexed", "note~person", "n2", "p1", "note2");
        await driver.InvokeAsync(Ct, "putIndexed", "note~person", "n3", "p2", "note3");
        await driver.InvokeAsync(Ct, "putIndexed", "drug~person", "d1", "p1", "drug1");
        driver.Ledger.Put("note~person", "simple key with the same text"u8.ToArray());

        // Act
        var byPerson = await driver.InvokeAsync(Ct, "partial", "note~person", "p1");
        var byType = await driver.InvokeAsync(Ct, "partial", "note~person");

        // Assert
        var items = JsonNode.Parse(byPerson.PayloadText)!.AsArray();
        Assert.Equal(["n1", "n2"], items.Select(i => (string)i!["value"]!));
        Assert.Equal(["p1", "note1"], items[0]!["attributes"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("note~person", (string?)items[0]!["objectType"]);
        Assert.Equal(3, JsonNode.Parse(byType.PayloadText)!.AsArray().Count);
    }

    [Fact]
    public async Task Partial_key_pagination_continues_from_the_bookmark()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        for (var i = 0; i < 5; i++)
        {
            await driver.InvokeAsync(Ct, "putIndexed", "visit~person", $"v{i}", "p9", $"visit{i}");
        }

        // Act
        var first = JsonNode.Parse((await driver.InvokeAsync(Ct, "partialPage", "visit~person", "3", "", "p9")).PayloadText)!;
        var bookmark = (string)first["bookmark"]!;
        var second = JsonNode.Parse((await driver.InvokeAsync(Ct, "partialPage", "visit~person", "3", bookmark, "p9")).PayloadText)!;

        // Assert
        Assert.Equal(["v0", "v1", "v2"], first["items"]!.AsArray().Select(i => (string)i!["value"]!));
        Assert.Equal(CompositeKey.Create("visit~person", ["p9", "visit3"]), bookmark);
        Assert.Equal(["v3", "v4"], second["items"]!.AsArray().Select(i => (string)i!["value"]!));
        Assert.Equal((2, ""), ((int)second["fetched"]!, (string)second["bookmark"]!));
    }
}
