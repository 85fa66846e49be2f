using Ceiba.Testing.Chaincode;
using Microsoft.Extensions.Logging;

namespace Ceiba.Chaincode.Shim.Tests;

/// <summary>Our shim's CCaaS server with <see cref="TestChaincode"/>, on a free loopback port, for one test.</summary>
internal sealed class ShimHost : IAsyncDisposable
{
    public const string PackageId = "ehr_1.0:8c6f8f3b1a0f5b3b9f1e8d5c2a7e4b6d0c9a1f2e3d4c5b6a798877665544332211";

    private ShimHost(ChaincodeServer server, TestChaincode chaincode)
    {
        Server = server;
        Chaincode = chaincode;
    }

    public ChaincodeServer Server { get; }

    public TestChaincode Chaincode { get; }

    public string Address => $"127.0.0.1:{Server.Port}";

    public static async Task<ShimHost> StartAsync(
        CancellationToken cancellationToken, ChaincodeTlsOptions? tls = null, TimeSpan? drainTimeout = null)
    {
        var chaincode = new TestChaincode();
        var builder = ChaincodeServer.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Options = new ChaincodeServerOptions
        {
            Address = "127.0.0.1:0",
            ChaincodeId = PackageId,
            Tls = tls,
            DrainTimeout = drainTimeout ?? TimeSpan.FromSeconds(10),
        };
        builder.UseChaincode(chaincode);
        var server = builder.Build();
        await server.StartAsync(cancellationToken);
        return new ShimHost(server, chaincode);
    }

    public Task<ChaincodeDriver> ConnectAsync(
        CancellationToken cancellationToken, ChaincodeDriverOptions? options = null, InMemoryLedger? ledger = null) =>
        ChaincodeDriver.ConnectAsync(Address, ledger, options, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Server.StopAsync(timeout.Token);
        await Server.DisposeAsync();
    }
}
