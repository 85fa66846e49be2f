using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Ceiba.Chaincode.Shim.Tests;

/// <summary>
/// A tiny chaincode on <see cref="IChaincode"/> (no contract API). Its functions mirror
/// Tests/interop/shim/chaincode.js so that the same driver runs against both shims; the functions at the
/// bottom (wait, throw, ...) exist only here, for protocol tests.
/// </summary>
internal sealed partial class TestChaincode : IChaincode
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);

    /// <summary>Gates that <c>wait &lt;name&gt;</c> blocks on until the test releases them.</summary>
    public TaskCompletionSource Gate(string name) =>
        _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Signalled when a transaction reaches <c>wait &lt;name&gt;</c>.</summary>
    public TaskCompletionSource Reached(string name) => Gate("reached:" + name);

    public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub) =>
        Task.FromResult(Text("init:" + string.Join(',', stub.Parameters)));

    public Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub)
    {
        var p = stub.Parameters;
        return stub.Function switch
        {
            "put" => PutAsync(stub, p[0], p[1]),
            "get" => GetAsync(stub, p[0]),
            "del" => DeleteAsync(stub, p[0]),
            "putget" => PutThenGetAsync(stub, p[0], p[1]),
            "range" => RangeAsync(stub, p[0], p[1]),
            "rangeFirst" => RangeFirstAsync(stub, p[0], p[1], int.Parse(p[2])),
            "page" => PageAsync(stub, p[0], p[1], int.Parse(p[2]), p[3]),
            "putIndexed" => PutIndexedAsync(stub, p[0], p[1], p.Skip(2).ToArray()),
            "partial" => PartialAsync(stub, p[0], p.Skip(1).ToArray()),
            "partialPage" => PartialPageAsync(stub, p[0], int.Parse(p[1]), p[2], p.Skip(3).ToArray()),
            "history" => HistoryAsync(stub, p[0]),
            "event" => EventAsync(stub, p[0], p[1]),
            "fail" => Task.FromResult(ChaincodeResponse.Error(p[1], int.Parse(p[0]))),
            "txinfo" => Task.FromResult(TxInfo(stub)),
            "identity" => Task.FromResult(Identity(stub)),
            "epset" => SetValidationParameterAsync(stub, p[0], p[1]),
            "epget" => GetValidationParameterAsync(stub, p[0]),
            "privput" => PrivatePutAsync(stub, p[0], p[1], p[2]),
            "privget" => PrivateGetAsync(stub, p[0], p[1]),
            "privhash" => PrivateHashAsync(stub, p[0], p[1]),
            "wait" => WaitAsync(stub, p[0]),
            "throw" => throw new InvalidOperationException(p[0]),
            "parallelGet" => ParallelGetAsync(stub, p),
            "tryGet" => TryGetAsync(stub, p[0]),
            _ => Task.FromResult(ChaincodeResponse.Error($"unknown function {stub.Function}", 400)),
        };
    }

    private static async Task<ChaincodeResponse> PutAsync(IChaincodeStub stub, string key, string value)
    {
        await stub.PutStateAsync(key, Encoding.UTF8.GetBytes(value));
        return Text("ok");
    }

    private static async Task<ChaincodeResponse> GetAsync(IChaincodeStub stub, string key) =>
        ChaincodeResponse.Success(await stub.GetStateAsync(key));

    private static async Task<ChaincodeResponse> DeleteAsync(IChaincodeStub stub, string key)
    {
        await stub.DeleteStateAsync(key);
        return Text("ok");
    }

    private static async Task<ChaincodeResponse> PutThenGetAsync(IChaincodeStub stub, string key, string value)
    {
        await stub.PutStateAsync(key, Encoding.UTF8.GetBytes(value));
        return ChaincodeResponse.Success(await stub.GetStateAsync(key));
    }

    private static async Task<ChaincodeResponse> EventAsync(IChaincodeStub stub, string name, string payload)
    {
        stub.SetEvent(name, Encoding.UTF8.GetBytes(payload));
        return await Task.FromResult(Text("ok"));
    }

    private static ChaincodeResponse TxInfo(IChaincodeStub stub) => Json(new
    {
        txId = stub.TxId,
        channelId = stub.ChannelId,
        mspId = stub.Creator.Mspid,
        function = stub.Function,
        parameters = stub.Parameters,
        binding = Convert.ToHexStringLower(stub.Binding),
        timestampMs = stub.TxTimestamp.ToUnixTimeMilliseconds(),
        transient = stub.Transient.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => Encoding.UTF8.GetString(e.Value)),
    });

    private static ChaincodeResponse Identity(IChaincodeStub stub)
    {
        var identity = ClientIdentity.FromStub(stub);
        return Json(new { mspId = identity.MspId, role = identity.GetAttributeValue("role"), isDoctor = identity.AssertAttributeValue("role", "doctor") });
    }

    private async Task<ChaincodeResponse> WaitAsync(IChaincodeStub stub, string gate)
    {
        Reached(gate).TrySetResult();
        await Gate(gate).Task;
        await stub.PutStateAsync("waited-" + gate, Encoding.UTF8.GetBytes(stub.TxId));
        return Text("released " + gate);
    }

    private static async Task<ChaincodeResponse> ParallelGetAsync(IChaincodeStub stub, IReadOnlyList<string> keys)
    {
        var values = await Task.WhenAll(keys.Select(stub.GetStateAsync));
        return Text(string.Join(',', values.Select(Encoding.UTF8.GetString)));
    }

    private static async Task<ChaincodeResponse> TryGetAsync(IChaincodeStub stub, string key)
    {
        try
        {
            await stub.GetStateAsync(key);
            return Text("no error");
        }
        catch (PeerRequestException e)
        {
            return ChaincodeResponse.Error(e.Message, 502);
        }
    }

    private static ChaincodeResponse Text(string text) => ChaincodeResponse.Success(Encoding.UTF8.GetBytes(text));

    private static ChaincodeResponse Json(object value) => ChaincodeResponse.Success(JsonSerializer.SerializeToUtf8Bytes(value));
}
