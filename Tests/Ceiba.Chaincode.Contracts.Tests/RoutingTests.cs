using Ceiba.Chaincode.Contracts.Tests.Contracts;
using Ceiba.Chaincode.Shim.Contracts;
using Ceiba.Chaincode.Testing;

namespace Ceiba.Chaincode.Contracts.Tests;

public sealed class RoutingTests
{
    private readonly RouterFixture _fixture = new();

    [Fact]
    public async Task A_function_without_prefix_reaches_the_contract_marked_default()
    {
        // Arrange
        const string function = "Run";

        // Act
        var result = await _fixture.SubmitAsync(function, "x");

        // Assert
        Assert.Equal(200, result.Response.Status);
        Assert.Equal("x:stamped", result.Text);
    }

    [Fact]
    public async Task A_prefixed_function_reaches_the_named_contract()
    {
        // Arrange
        const string function = "calc:Add";

        // Act
        var result = await _fixture.SubmitAsync(function, "2", "3");

        // Assert
        Assert.Equal(200, result.Response.Status);
        Assert.Equal("5", result.Text);
    }

    [Fact]
    public async Task A_default_contract_function_is_also_reachable_with_its_prefix()
    {
        // Arrange
        const string function = "recording:Run";

        // Act
        var result = await _fixture.SubmitAsync(function, "y");

        // Assert
        Assert.Equal("y:stamped", result.Text);
    }

    [Fact]
    public async Task Without_an_IsDefault_contract_the_first_registered_is_the_default()
    {
        // Arrange
        var harness = new ChaincodeHarness(new ContractRouter(new CalculatorContract(), new RecordingContract2()));

        // Act
        var result = await harness.SubmitAsync(RouterFixture.Caller, "Add", "1", "1");

        // Assert
        Assert.Equal("2", result.Text);
    }

    [Fact]
    public async Task An_unknown_contract_is_a_400_naming_it_and_the_known_ones()
    {
        // Arrange
        const string function = "nope:Add";

        // Act
        var result = await _fixture.SubmitAsync(function, "1", "2");

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("Contract 'nope' is not known; known contracts: recording, calc.", result.Response.Message);
    }

    [Fact]
    public async Task An_unknown_function_runs_the_UnknownTransaction_hook_whose_default_is_a_400()
    {
        // Arrange
        const string function = "Missing";

        // Act
        var result = await _fixture.SubmitAsync(function);

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("Undefined contract method called: 'Missing'.", result.Response.Message);
        Assert.Equal(["unknown:Missing"], _fixture.Recording.Calls);
    }

    [Fact]
    public async Task An_UnknownTransaction_override_that_returns_makes_the_transaction_succeed_without_other_hooks()
    {
        // Arrange
        _fixture.Recording.AcceptUnknown = true;

        // Act
        var result = await _fixture.SubmitAsync("Missing", "ignored");

        // Assert
        Assert.Equal(200, result.Response.Status);
        Assert.True(result.Response.Payload.IsEmpty);
        Assert.Equal(["unknown:Missing"], _fixture.Recording.Calls);
    }

    [Fact]
    public async Task An_invocation_without_arguments_succeeds_with_an_empty_payload_as_in_the_Node_contract_API()
    {
        // Arrange
        var stub = _fixture.Harness.Ledger.NewTransaction(RouterFixture.Caller, "ignored");
        var noArgs = new InMemoryStub(_fixture.Harness.Ledger, stub.TxId, stub.TxTimestamp, stub.Creator, []);

        // Act
        var response = await _fixture.Router.InitAsync(noArgs);

        // Assert
        Assert.Equal(200, response.Status);
        Assert.True(response.Payload.IsEmpty);
        Assert.Empty(_fixture.Recording.Calls);
    }

    [Fact]
    public async Task A_method_name_loses_its_Async_suffix_and_a_Name_overrides_the_method_name()
    {
        // Arrange
        const string shout = "calc:Shout";
        const string halve = "calc:Halve";

        // Act
        var shouted = await _fixture.SubmitAsync(shout, "hola");
        var halved = await _fixture.SubmitAsync(halve, "5");
        var byMethodName = await _fixture.SubmitAsync("calc:ShoutAsync", "hola");

        // Assert
        Assert.Equal("HOLA", shouted.Text);
        Assert.Equal("2.5", halved.Text);
        Assert.Equal(400, byMethodName.Response.Status);
    }

    [Fact]
    public async Task Concurrent_transactions_on_one_router_each_get_their_own_result()
    {
        // Arrange
        var numbers = Enumerable.Range(0, 200).ToList();

        // Act
        var results = await Task.WhenAll(numbers.Select(n => _fixture.SubmitAsync("calc:Add", $"{n}", "1000")));

        // Assert
        Assert.Equal(numbers.Select(n => $"{n + 1000}"), results.Select(result => result.Text));
    }

    /// <summary>A second contract without IsDefault, so registration order decides the default.</summary>
    [Contract(Name = "second")]
    private sealed class RecordingContract2 : ContractBase
    {
        [Transaction]
        public string Add(Context context, string a, string b) => a + b;
    }
}
