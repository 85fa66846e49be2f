using Ceiba.Chaincode.Contracts.Tests.Contracts;
using Ceiba.Chaincode.Shim.Contracts;

namespace Ceiba.Chaincode.Contracts.Tests;

public sealed class DefinitionTests
{
    [Fact]
    public void A_transaction_without_a_leading_Context_fails_at_registration()
    {
        // Arrange
        var contract = new NoContextContract();

        // Act
        var error = Record.Exception(() => new ContractRouter(contract));

        // Assert
        var invalid = Assert.IsType<InvalidOperationException>(error);
        Assert.Equal("Transaction 'NoContextContract:Add' (NoContextContract.Add): the first parameter must be a Context.", invalid.Message);
    }

    [Fact]
    public void A_parameter_type_the_serializer_cannot_read_fails_at_registration()
    {
        // Arrange
        var contract = new UnknownTypeContract();

        // Act
        var error = Record.Exception(() => new ContractRouter(contract));

        // Assert
        var invalid = Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("cannot read parameter 'widget' of type Widget", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_contracts_with_one_name_fail_at_registration()
    {
        // Arrange
        var contracts = new ContractBase[] { new CalculatorContract(), new CalculatorContract() };

        // Act
        var error = Record.Exception(() => new ContractRouter(contracts));

        // Assert
        Assert.IsType<ArgumentException>(error);
    }

    [Fact]
    public void Two_transactions_with_one_name_fail_at_registration()
    {
        // Arrange
        var contract = new DuplicateContract();

        // Act
        var error = Record.Exception(() => new ContractRouter(contract));

        // Assert
        Assert.Equal("Contract 'DuplicateContract' declares transaction 'Get' more than once.", error?.Message);
    }

    [Fact]
    public void A_router_needs_at_least_one_contract()
    {
        // Arrange
        var none = Array.Empty<ContractBase>();

        // Act
        var error = Record.Exception(() => new ContractRouter(none));

        // Assert
        Assert.IsType<ArgumentException>(error);
    }

    private sealed class NoContextContract : ContractBase
    {
        [Transaction]
        public int Add(int a, int b) => a + b;
    }

    private sealed class UnknownTypeContract : ContractBase
    {
        [Transaction]
        public void Save(Context context, Widget widget)
        {
        }
    }

    private sealed class DuplicateContract : ContractBase
    {
        [Transaction]
        public string Get(Context context) => "a";

        [Transaction(Name = "Get")]
        public Task<string> GetAsync(Context context, string id) => Task.FromResult(id);
    }
}
