using Ceiba.Chaincode.Shim.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ceiba.Chaincode.Shim;

/// <summary>
/// A chaincode-as-a-service server: the peer dials <see cref="ChaincodeServerOptions.Address"/> and opens
/// <c>protos.Chaincode/Connect</c> streams; on each, the shim registers as <see cref="ChaincodeServerOptions.ChaincodeId"/>
/// and runs the chaincode's transactions. Stopping drains running transactions, then closes the streams.
/// </summary>
public sealed class ChaincodeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal ChaincodeServer(WebApplication app, ChaincodeServerOptions options)
    {
        _app = app;
        Options = options;
    }

    /// <summary>The options the server runs with.</summary>
    public ChaincodeServerOptions Options { get; }

    /// <summary>The application services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The port actually bound, once started (useful with port 0).</summary>
    /// <exception cref="InvalidOperationException">The server has not started.</exception>
    public int Port
    {
        get
        {
            var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The chaincode server has not started.");
            return new Uri(first).Port;
        }
    }

    /// <summary>Creates a builder; configuration comes from <paramref name="args"/>, appsettings and environment variables.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The builder.</returns>
    public static ChaincodeServerBuilder CreateBuilder(params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new ChaincodeServerBuilder(args);
    }

    /// <summary>Starts listening.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once the server listens.</returns>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var logger = _app.Services.GetRequiredService<ILogger<ChaincodeServer>>();
        Log.ServerListening(logger, Options.ChaincodeId, $"{KestrelEndpoint.Split(Options.Address).Host}:{Port}", Options.Tls is null ? "h2c" : "TLS");
    }

    /// <summary>Stops: running transactions get <see cref="ChaincodeServerOptions.DrainTimeout"/> to finish, then streams close.</summary>
    /// <param name="cancellationToken">Makes the stop ungraceful.</param>
    /// <returns>A task that completes once the server has stopped.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Starts, then runs until the process is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>A task that completes once the server has stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        await _app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
