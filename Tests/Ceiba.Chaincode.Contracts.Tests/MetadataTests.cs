using System.Text.Json;

namespace Ceiba.Chaincode.Contracts.Tests;

public sealed class MetadataTests
{
    private readonly RouterFixture _fixture = new();

    private async Task<JsonElement> MetadataAsync()
    {
        var result = await _fixture.SubmitAsync("org.hyperledger.fabric:GetMetadata");
        Assert.Equal(200, result.Response.Status);
        return JsonDocument.Parse(result.Response.Payload).RootElement;
    }

    [Fact]
    public async Task GetMetadata_has_the_top_level_shape_of_the_Node_contract_API()
    {
        // Arrange
        var expectedContracts = new[] { "recording", "calc", "org.hyperledger.fabric" };

        // Act
        var metadata = await MetadataAsync();

        // Assert
        Assert.Equal(
            "https://hyperledger.github.io/fabric-chaincode-node/main/api/contract-schema.json",
            metadata.GetProperty("$schema").GetString());
        Assert.Equal(expectedContracts, metadata.GetProperty("contracts").EnumerateObject().Select(contract => contract.Name));
        Assert.Equal(JsonValueKind.Object, metadata.GetProperty("components").GetProperty("schemas").ValueKind);
        Assert.Equal("", metadata.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_contract_lists_its_info_default_flag_and_transactions_in_declaration_order()
    {
        // Arrange
        var expected = new[] { "Add", "Echo", "Shout", "Halve", "Store", "Resize", "Page", "Describe", "Reject", "Divide", "FailLater" };

        // Act
        var calc = (await MetadataAsync()).GetProperty("contracts").GetProperty("calc");

        // Assert
        Assert.Equal("calc", calc.GetProperty("name").GetString());
        Assert.Equal("Calculator", calc.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("1.2.3", calc.GetProperty("info").GetProperty("version").GetString());
        Assert.Equal("Arithmetic for tests", calc.GetProperty("info").GetProperty("description").GetString());
        Assert.False(calc.GetProperty("contractInstance").TryGetProperty("default", out _));
        Assert.Equal(expected, calc.GetProperty("transactions").EnumerateArray().Select(tx => tx.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Transactions_carry_the_Node_tags_typed_parameter_schemas_and_returns()
    {
        // Arrange
        static JsonElement Transaction(JsonElement contract, string name) =>
            contract.GetProperty("transactions").EnumerateArray().Single(tx => tx.GetProperty("name").GetString() == name);

        // Act
        var calc = (await MetadataAsync()).GetProperty("contracts").GetProperty("calc");
        var add = Transaction(calc, "Add");
        var resize = Transaction(calc, "Resize");
        var store = Transaction(calc, "Store");

        // Assert
        Assert.Equal(["EVALUATE"], add.GetProperty("tag").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(["SUBMIT", "submitTx"], resize.GetProperty("tag").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(
            """[{"name":"a","description":"","schema":{"type":"integer","format":"int32"}},{"name":"b","description":"","schema":{"type":"integer","format":"int32"}}]""",
            add.GetProperty("parameters").GetRawText());
        Assert.Equal("""{"type":"integer","format":"int32"}""", add.GetProperty("returns").GetRawText());
        Assert.Equal("""{"$ref":"#/components/schemas/Widget"}""", resize.GetProperty("parameters")[0].GetProperty("schema").GetRawText());
        Assert.Equal("""{"$ref":"#/components/schemas/Widget"}""", resize.GetProperty("returns").GetRawText());
        Assert.False(store.TryGetProperty("returns", out _));
    }

    [Fact]
    public async Task Complex_types_and_their_nested_types_are_components_with_JSON_property_names()
    {
        // Arrange
        const string widget =
            """{"$id":"Widget","type":"object","additionalProperties":false,"properties":{"widget_id":{"type":"string"},"size":{"type":"integer","format":"int32"},"colour":{"type":"string"},"parts":{"type":"array","items":{"$ref":"#/components/schemas/Part"}}},"required":["widget_id"]}""";

        // Act
        var schemas = (await MetadataAsync()).GetProperty("components").GetProperty("schemas");

        // Assert
        Assert.Equal(widget, schemas.GetProperty("Widget").GetRawText());
        Assert.Equal(
            """{"$id":"Part","type":"object","additionalProperties":false,"properties":{"name":{"type":"string"},"weight":{"type":"number","format":"double"}}}""",
            schemas.GetProperty("Part").GetRawText());
    }

    [Fact]
    public async Task The_default_contract_is_flagged_and_the_system_contract_lists_GetMetadata()
    {
        // Arrange
        var contracts = (await MetadataAsync()).GetProperty("contracts");

        // Act
        var recording = contracts.GetProperty("recording").GetProperty("contractInstance");
        var system = contracts.GetProperty("org.hyperledger.fabric").GetProperty("transactions")[0];

        // Assert
        Assert.True(recording.GetProperty("default").GetBoolean());
        Assert.Equal("GetMetadata", system.GetProperty("name").GetString());
        Assert.Equal(["EVALUATE"], system.GetProperty("tag").EnumerateArray().Select(tag => tag.GetString()));
    }

    [Fact]
    public async Task GetMetadata_returns_the_same_bytes_as_the_routers_Metadata_property()
    {
        // Arrange
        var expected = _fixture.Router.Metadata.ToArray();

        // Act
        var result = await _fixture.SubmitAsync("org.hyperledger.fabric:GetMetadata");

        // Assert
        Assert.Equal(expected, result.Response.Payload.ToArray());
    }

    [Fact]
    public async Task An_unknown_system_transaction_is_a_400()
    {
        // Arrange
        const string function = "org.hyperledger.fabric:Shutdown";

        // Act
        var result = await _fixture.SubmitAsync(function);

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("Undefined contract method called: 'org.hyperledger.fabric:Shutdown'.", result.Response.Message);
    }
}
