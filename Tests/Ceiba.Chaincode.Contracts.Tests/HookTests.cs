namespace Ceiba.Chaincode.Contracts.Tests;

public sealed class HookTests
{
    private readonly RouterFixture _fixture = new();

    [Fact]
    public async Task BeforeTransaction_the_function_and_AfterTransaction_run_in_order_with_the_result()
    {
        // Arrange
        const string input = "in";

        // Act
        var result = await _fixture.SubmitAsync("Run", input);

        // Assert
        Assert.Equal(200, result.Response.Status);
        Assert.Equal(["before:Run", "run:in", "after:Run:in:stamped"], _fixture.Recording.Calls);
    }

    [Fact]
    public async Task The_function_receives_the_context_subclass_the_contract_created_and_the_hook_filled()
    {
        // Arrange
        const string input = "ctx";

        // Act
        var result = await _fixture.SubmitAsync("Run", input);

        // Assert
        Assert.Equal("ctx:stamped", result.Text);
    }

    [Fact]
    public async Task A_ChaincodeException_in_BeforeTransaction_stops_the_transaction_before_the_function_runs()
    {
        // Arrange
        _fixture.Recording.RejectInBefore = true;

        // Act
        var result = await _fixture.SubmitAsync("Run", "x");

        // Assert
        Assert.Equal(403, result.Response.Status);
        Assert.Equal("stopped by BeforeTransaction", result.Response.Message);
        Assert.Equal(["before:Run"], _fixture.Recording.Calls);
    }

    [Fact]
    public async Task AfterTransaction_does_not_run_when_the_function_fails()
    {
        // Arrange
        const string function = "Crash";

        // Act
        var result = await _fixture.SubmitAsync(function);

        // Assert
        Assert.Equal(500, result.Response.Status);
        Assert.Equal(["before:Crash", "crash"], _fixture.Recording.Calls);
    }

    [Fact]
    public async Task Hooks_do_not_run_when_the_arguments_are_rejected()
    {
        // Arrange
        const string function = "Run";

        // Act
        var result = await _fixture.SubmitAsync(function);

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Empty(_fixture.Recording.Calls);
    }

    [Fact]
    public async Task The_context_exposes_the_callers_MSP_id_and_certificate_attributes()
    {
        // Arrange
        const string function = "WhoAmI";

        // Act
        var result = await _fixture.SubmitAsync(function);

        // Assert
        Assert.Equal("Org1MSP/doctor", result.Text);
    }
}
