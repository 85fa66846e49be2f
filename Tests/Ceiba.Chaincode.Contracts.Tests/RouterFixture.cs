using Ceiba.Chaincode.Contracts.Tests.Contracts;
using Ceiba.Chaincode.Shim.Contracts;
using Ceiba.Chaincode.Testing;
using Ceiba.Network.Protos.Msp;

namespace Ceiba.Chaincode.Contracts.Tests;

/// <summary>A router over the test contracts, a harness around it and a caller identity.</summary>
internal sealed class RouterFixture
{
    public RouterFixture()
    {
        Router = new ContractRouter([Recording, Calculator], Logger);
        Harness = new ChaincodeHarness(Router);
    }

    public static SerializedIdentity Caller { get; } =
        TestIdentities.Create("Org1MSP", "user1", new Dictionary<string, string> { ["role"] = "doctor" });

    public CalculatorContract Calculator { get; } = new();

    public RecordingContract Recording { get; } = new();

    public RecordingLogger Logger { get; } = new();

    public ContractRouter Router { get; }

    public ChaincodeHarness Harness { get; }

    public Task<TransactionResult> SubmitAsync(string function, params string[] args) => Harness.SubmitAsync(Caller, function, args);
}
