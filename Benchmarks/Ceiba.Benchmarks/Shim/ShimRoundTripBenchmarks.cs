using BenchmarkDotNet.Attributes;
using Ceiba.Chaincode.Shim;
using Ceiba.Testing.Chaincode;
using Microsoft.Extensions.Logging;

namespace Ceiba.Benchmarks.Shim;

/// <summary>
/// One transaction at a time through a real <c>protos.Chaincode/Connect</c> stream on loopback (driver and shim in
/// this process): TRANSACTION → [requests] → COMPLETED. The cost of one GET_STATE or PUT_STATE round trip is the
/// difference to <see cref="NoRequest"/>; <see cref="TenGetStates"/> gives it with less noise (divide by ten).
/// </summary>
[MemoryDiagnoser]
public class ShimRoundTripBenchmarks : IAsyncDisposable
{
    private ChaincodeServer _server = null!;
    private ChaincodeDriver _driver = null!;
    private ProposalPool _noop = null!;
    private ProposalPool _get = null!;
    private ProposalPool _put = null!;
    private ProposalPool _get10 = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var builder = ChaincodeServer.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Options = new ChaincodeServerOptions { Address = "127.0.0.1:0", ChaincodeId = "bench_1.0:0" };
        builder.UseChaincode(new BenchChaincode());
        _server = builder.Build();
        await _server.StartAsync();
        _driver = await ChaincodeDriver.ConnectAsync($"127.0.0.1:{_server.Port}");
        _driver.Ledger.Put("note:1", new byte[512]);
        _noop = new ProposalPool(_driver.Identity, 1024, _ => ["noop"]);
        _get = new ProposalPool(_driver.Identity, 1024, _ => ["get", "note:1"]);
        _put = new ProposalPool(_driver.Identity, 1024, i => ["put", $"note:{i}", new string('x', 512)]);
        _get10 = new ProposalPool(_driver.Identity, 1024, _ => ["get10", "note:1"]);
    }

    [Benchmark(Baseline = true, Description = "TRANSACTION, no request, COMPLETED")]
    public Task<TransactionResult> NoRequest() => _driver.InvokeAsync(_noop.Next(), commit: false);

    [Benchmark(Description = "… + one GET_STATE (512 B value)")]
    public Task<TransactionResult> OneGetState() => _driver.InvokeAsync(_get.Next(), commit: false);

    [Benchmark(Description = "… + one PUT_STATE (512 B value)")]
    public Task<TransactionResult> OnePutState() => _driver.InvokeAsync(_put.Next(), commit: false);

    [Benchmark(Description = "… + ten GET_STATE")]
    public Task<TransactionResult> TenGetStates() => _driver.InvokeAsync(_get10.Next(), commit: false);

    [GlobalCleanup]
    public async Task CleanupAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_driver is not null)
        {
            await _driver.DisposeAsync();
        }
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }
}
