using System.Text;
using Ceiba.Chaincode.Shim.Contracts;
using Microsoft.Extensions.Logging;

namespace Ceiba.Chaincode.Contracts.Tests;

public sealed class ErrorTests
{
    private readonly RouterFixture _fixture = new();

    [Fact]
    public async Task A_ChaincodeException_reaches_the_client_with_its_status_message_and_payload()
    {
        // Arrange
        const string status = "409";

        // Act
        var result = await _fixture.SubmitAsync("calc:Reject", status);

        // Assert
        Assert.Equal(409, result.Response.Status);
        Assert.Equal("widget 7 already exists", result.Response.Message);
        Assert.Equal("{\"id\":7}", Encoding.UTF8.GetString(result.Response.Payload.Span));
    }

    [Fact]
    public async Task Any_other_exception_is_a_500_internal_error_without_its_text_and_is_logged_with_the_exception()
    {
        // Arrange
        const string function = "calc:FailLater";

        // Act
        var result = await _fixture.SubmitAsync(function);

        // Assert
        Assert.Equal(500, result.Response.Status);
        Assert.Equal("internal error", result.Response.Message);
        Assert.True(result.Response.Payload.IsEmpty);
        var logged = Assert.Single(_fixture.Logger.Entries, entry => entry.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.Contains(result.Stub.TxId, logged.Message, StringComparison.Ordinal);
        Assert.Contains("calc:FailLater", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_synchronous_runtime_exception_is_also_only_an_internal_error()
    {
        // Arrange
        const string function = "calc:Divide";

        // Act
        var result = await _fixture.SubmitAsync(function, "1", "0");

        // Assert
        Assert.Equal(500, result.Response.Status);
        Assert.Equal("internal error", result.Response.Message);
        Assert.IsType<DivideByZeroException>(Assert.Single(_fixture.Logger.Entries, entry => entry.Level == LogLevel.Error).Exception);
    }

    [Fact]
    public async Task Too_few_arguments_is_a_400_naming_the_parameters()
    {
        // Arrange
        const string function = "calc:Add";

        // Act
        var result = await _fixture.SubmitAsync(function, "1");

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("Transaction 'Add' expects 2 argument(s) (a, b) but got 1.", result.Response.Message);
    }

    [Fact]
    public async Task Too_many_arguments_with_an_optional_parameter_gives_the_allowed_range()
    {
        // Arrange
        const string function = "calc:Page";

        // Act
        var result = await _fixture.SubmitAsync(function, "1", "b", "extra");

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("Transaction 'Page' expects 1 to 2 argument(s) (pageSize, bookmark) but got 3.", result.Response.Message);
    }

    [Fact]
    public async Task A_number_that_does_not_parse_is_a_400_naming_the_parameter_and_type()
    {
        // Arrange
        const string function = "calc:Add";

        // Act
        var result = await _fixture.SubmitAsync(function, "1", "two");

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("Argument 'b' of transaction 'Add' is not a valid Int32.", result.Response.Message);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_naming_the_parameter_and_the_JSON_path()
    {
        // Arrange
        const string widget = """{"widget_id":"w","size":"big"}""";

        // Act
        var result = await _fixture.SubmitAsync("calc:Resize", widget, "1");

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("Argument 'widget' of transaction 'Resize' is not valid JSON for Widget at $.size.", result.Response.Message);
    }

    [Fact]
    public async Task JSON_null_for_a_non_nullable_parameter_is_a_400()
    {
        // Arrange
        const string widget = "null";

        // Act
        var result = await _fixture.SubmitAsync("calc:Resize", widget, "1");

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("Argument 'widget' of transaction 'Resize' must not be null.", result.Response.Message);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(399)]
    [InlineData(600)]
    public void A_ChaincodeException_must_carry_an_error_status(int status)
    {
        // Arrange
        var create = () => new ChaincodeException(status, "message");

        // Act
        var error = Record.Exception(create);

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(error);
    }

    [Fact]
    public void A_ChaincodeException_without_status_is_a_bad_request_with_an_empty_payload()
    {
        // Arrange
        const string message = "bad";

        // Act
        var error = new ChaincodeException(message);

        // Assert
        Assert.Equal(400, error.Status);
        Assert.Empty(error.Payload);
    }
}
