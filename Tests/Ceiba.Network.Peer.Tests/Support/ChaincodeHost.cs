using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Shim;
using Ceiba.Chaincode.Shim.Contracts;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary><see cref="KeyValueChaincode"/> or the EHR contract on our shim's CCaaS server, on a loopback port, for one test.</summary>
public sealed class ChaincodeHost : IAsyncDisposable
{
    private ChaincodeHost(ChaincodeServer server) => Server = server;

    public ChaincodeServer Server { get; }

    public string Address => $"127.0.0.1:{Server.Port}";

    /// <summary>Starts the server; with <paramref name="ehr"/> it serves the C# EHR contract instead of <see cref="KeyValueChaincode"/>.</summary>
    public static async Task<ChaincodeHost> StartAsync(CancellationToken cancellationToken, int port = 0, bool ehr = false)
    {
        var builder = ChaincodeServer.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Options = new ChaincodeServerOptions { Address = $"127.0.0.1:{port}", ChaincodeId = "ehr_1.0:0123456789abcdef", DrainTimeout = TimeSpan.FromSeconds(2) };
        if (ehr)
        {
            builder.UseContracts(new EhrContract());
        }
        else
        {
            builder.UseChaincode(new KeyValueChaincode());
        }

        var server = builder.Build();
        await server.StartAsync(cancellationToken);
        return new ChaincodeHost(server);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Server.StopAsync(timeout.Token);
        await Server.DisposeAsync();
    }
}
