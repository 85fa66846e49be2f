using System.Text;
using System.Text.Json;
using Ceiba.Chaincode.Contracts.Tests.Contracts;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Contracts.Tests;

public sealed class SerializationTests
{
    private readonly RouterFixture _fixture = new();

    [Fact]
    public async Task A_string_travels_raw_in_both_directions_without_JSON_quotes()
    {
        // Arrange
        const string text = "día \"uno\"";

        // Act
        var result = await _fixture.SubmitAsync("calc:Echo", text);

        // Assert
        Assert.Equal(text, result.Text);
    }

    [Fact]
    public async Task A_complex_parameter_and_result_use_the_contracts_source_generated_snake_case_context()
    {
        // Arrange
        const string widget = """{"widget_id":"w-1","size":1,"colour":"red","parts":[{"name":"axle","weight":1.5}]}""";

        // Act
        var result = await _fixture.SubmitAsync("calc:Resize", widget, "9");

        // Assert
        Assert.Equal(200, result.Response.Status);
        Assert.Equal("""{"widget_id":"w-1","size":9,"colour":"red","parts":[{"name":"axle","weight":1.5}]}""", result.Text);
    }

    [Fact]
    public async Task A_void_task_function_returns_an_empty_payload_and_its_writes_are_committed()
    {
        // Arrange
        const string key = "greeting";

        // Act
        var result = await _fixture.SubmitAsync("calc:Store", key, "hola");

        // Assert
        Assert.Equal(200, result.Response.Status);
        Assert.True(result.Response.Payload.IsEmpty);
        Assert.Equal("hola", Encoding.UTF8.GetString(_fixture.Harness.Ledger.State[key]));
    }

    [Fact]
    public async Task A_left_out_optional_argument_takes_the_parameters_default_value()
    {
        // Arrange
        const string function = "calc:Page";

        // Act
        var withDefault = await _fixture.SubmitAsync(function, "10");
        var withBookmark = await _fixture.SubmitAsync(function, "10", "k42");

        // Assert
        Assert.Equal("10@start", withDefault.Text);
        Assert.Equal("10@k42", withBookmark.Text);
    }

    [Fact]
    public async Task A_nullable_complex_parameter_accepts_JSON_null()
    {
        // Arrange
        const string function = "calc:Describe";

        // Act
        var result = await _fixture.SubmitAsync(function, "null");

        // Assert
        Assert.Equal("none", result.Text);
    }

    [Fact]
    public void The_default_serializer_writes_numbers_and_booleans_as_invariant_text()
    {
        // Arrange
        var serializer = JsonTransactionSerializer.PrimitivesOnly;

        // Act
        var number = Encoding.UTF8.GetString(serializer.Serialize(1234.5, typeof(double)));
        var flag = Encoding.UTF8.GetString(serializer.Serialize(true, typeof(bool)));
        var parsed = serializer.Deserialize("-42"u8, typeof(long));
        var absent = serializer.Deserialize([], typeof(int?));

        // Assert
        Assert.Equal("1234.5", number);
        Assert.Equal("true", flag);
        Assert.Equal(-42L, parsed);
        Assert.Null(absent);
    }

    [Fact]
    public void The_default_serializer_knows_only_primitives_and_the_types_of_its_context()
    {
        // Arrange
        var widgets = new JsonTransactionSerializer(WidgetJsonContext.Default);

        // Act
        var knowsWidget = widgets.CanSerialize(typeof(Widget));
        var knowsPart = widgets.CanSerialize(typeof(Part));
        var primitivesKnowWidget = JsonTransactionSerializer.PrimitivesOnly.CanSerialize(typeof(Widget));
        var knowsJsonDocument = widgets.CanSerialize(typeof(JsonDocument));

        // Assert
        Assert.True(knowsWidget);
        Assert.True(knowsPart);
        Assert.False(primitivesKnowWidget);
        Assert.False(knowsJsonDocument);
    }
}
