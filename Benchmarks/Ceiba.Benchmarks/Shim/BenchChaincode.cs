using System.Text;
using Ceiba.Chaincode.Shim;

namespace Ceiba.Benchmarks.Shim;

/// <summary>
/// The chaincode the shim benchmarks run: transactions with zero, one or ten peer requests, and
/// <c>create</c>, shaped like the EHR contract's CreateNote (existence check, write, event).
/// </summary>
public sealed class BenchChaincode : IChaincode
{
    private static readonly ChaincodeResponse Ok = ChaincodeResponse.Success("ok"u8.ToArray());

    /// <inheritdoc />
    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub) => Task.FromResult(Ok);

    /// <inheritdoc />
    public async Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub)
    {
        ArgumentNullException.ThrowIfNull(stub);
        var p = stub.Parameters;
        switch (stub.Function)
        {
            case "noop":
                return Ok;
            case "get":
                return ChaincodeResponse.Success(await stub.GetStateAsync(p[0]));
            case "put":
                await stub.PutStateAsync(p[0], Encoding.UTF8.GetBytes(p[1]));
                return Ok;
            case "get10":
                for (var i = 0; i < 10; i++)
                {
                    await stub.GetStateAsync(p[0]);
                }
                return Ok;
            case "create":
                if ((await stub.GetStateAsync(p[0])).Length > 0)
                {
                    return ChaincodeResponse.Error($"{p[0]} already exists", 409);
                }
                var value = Encoding.UTF8.GetBytes(p[1]);
                await stub.PutStateAsync(p[0], value);
                stub.SetEvent("NoteCreated", value);
                return Ok;
            default:
                return ChaincodeResponse.Error($"unknown function {stub.Function}", 400);
        }
    }
}
