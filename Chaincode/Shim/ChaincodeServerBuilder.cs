using Ceiba.Chaincode.Shim.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ceiba.Chaincode.Shim;

/// <summary>
/// Builds a <see cref="ChaincodeServer"/>. It is an <see cref="IHostApplicationBuilder"/>, so service defaults
/// (telemetry, health) and the chaincode's own services can be added the usual way.
/// </summary>
/// <example>
/// <code>
/// var builder = ChaincodeServer.CreateBuilder(args);
/// builder.UseChaincode&lt;MyChaincode&gt;();
/// await using var server = builder.Build();
/// await server.RunAsync();
/// </code>
/// </example>
public sealed class ChaincodeServerBuilder : IHostApplicationBuilder
{
    private readonly WebApplicationBuilder _web;

    internal ChaincodeServerBuilder(string[] args)
    {
        _web = WebApplication.CreateSlimBuilder(args);
        _web.WebHost.UseKestrelHttpsConfiguration();
    }

    /// <summary>The server options; when left null, <see cref="Build"/> reads them from <see cref="Configuration"/>.</summary>
    public ChaincodeServerOptions? Options { get; set; }

    /// <inheritdoc />
    public IServiceCollection Services => _web.Services;

    /// <inheritdoc />
    public IConfigurationManager Configuration => _web.Configuration;

    /// <inheritdoc />
    public IHostEnvironment Environment => _web.Environment;

    /// <inheritdoc />
    public ILoggingBuilder Logging => _web.Logging;

    /// <inheritdoc />
    public IMetricsBuilder Metrics => _web.Metrics;

    /// <inheritdoc />
    public IDictionary<object, object> Properties => ((IHostApplicationBuilder)_web).Properties;

    /// <inheritdoc />
    public void ConfigureContainer<TContainerBuilder>(
        IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull =>
        ((IHostApplicationBuilder)_web).ConfigureContainer(factory, configure);

    /// <summary>Registers the chaincode type as a singleton resolved from the services.</summary>
    /// <typeparam name="TChaincode">The chaincode.</typeparam>
    /// <returns>This builder.</returns>
    public ChaincodeServerBuilder UseChaincode<TChaincode>()
        where TChaincode : class, IChaincode
    {
        Services.AddSingleton<IChaincode, TChaincode>();
        return this;
    }

    /// <summary>Registers a chaincode instance.</summary>
    /// <param name="chaincode">The chaincode.</param>
    /// <returns>This builder.</returns>
    public ChaincodeServerBuilder UseChaincode(IChaincode chaincode)
    {
        ArgumentNullException.ThrowIfNull(chaincode);
        Services.AddSingleton(chaincode);
        return this;
    }

    /// <summary>Builds the server: Kestrel on the chaincode address serving <c>protos.Chaincode/Connect</c>.</summary>
    /// <returns>The server, not started yet.</returns>
    /// <exception cref="InvalidOperationException">No chaincode was registered, or the options are incomplete.</exception>
    public ChaincodeServer Build()
    {
        if (!Services.Any(service => service.ServiceType == typeof(IChaincode)))
        {
            throw new InvalidOperationException("No chaincode registered: call UseChaincode before Build.");
        }
        var options = Options ?? ChaincodeServerOptions.FromConfiguration(Configuration);
        Services.AddSingleton(options);
        Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxMessageSize;
            grpc.MaxSendMessageSize = options.MaxMessageSize;
        });
        _web.WebHost.ConfigureKestrel(kestrel => KestrelEndpoint.Configure(kestrel, options));
        var app = _web.Build();
        app.MapGrpcService<ChaincodeService>();
        return new ChaincodeServer(app, options);
    }
}
