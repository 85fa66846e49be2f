using System.Text;
using Ceiba.Chaincode.Shim;
using Ceiba.Network.Protos.Msp;

namespace Ceiba.Chaincode.Testing;

/// <summary>
/// Runs a chaincode's transactions against an <see cref="InMemoryLedger"/> the way a peer would for one
/// endorser: submit commits the write set when the response is a success, evaluate never commits.
/// </summary>
/// <param name="chaincode">The chaincode under test.</param>
internal sealed class ChaincodeHarness(IChaincode chaincode)
{
    public InMemoryLedger Ledger { get; } = new();

    /// <summary>Endorses and, when the response succeeds, commits one transaction.</summary>
    public async Task<TransactionResult> SubmitAsync(SerializedIdentity caller, string function, params string[] args)
    {
        var result = await EvaluateAsync(caller, function, args);
        if (result.Response.IsSuccess)
        {
            Ledger.Commit(result.Stub);
        }

        return result;
    }

    /// <summary>Runs one transaction without committing it.</summary>
    public async Task<TransactionResult> EvaluateAsync(SerializedIdentity caller, string function, params string[] args)
    {
        var stub = Ledger.NewTransaction(caller, function, args);
        var response = await chaincode.InvokeAsync(stub);
        return new TransactionResult(response, stub);
    }
}

/// <summary>A transaction's response and its stub (write set, event, read counters).</summary>
/// <param name="Response">What the chaincode returned.</param>
/// <param name="Stub">The transaction's stub.</param>
internal sealed record TransactionResult(ChaincodeResponse Response, InMemoryStub Stub)
{
    /// <summary>The payload as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Response.Payload.Span);
}
