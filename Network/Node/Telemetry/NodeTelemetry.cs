using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Node.Telemetry;

/// <summary>
/// ServiceDefaults for an embedded node: a small host beside the node that runs the OpenTelemetry providers
/// (OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, the console exporter behind <c>Ceiba:Telemetry:Console</c>)
/// and owns the logging pipeline. The node's own loggers forward to it, so node logs, the <c>Ceiba.*</c> meters and
/// the ASP.NET Core and gRPC traces leave the process the same way as every other Ceiba service's.
/// </summary>
internal sealed class NodeTelemetry : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ILoggerFactory _loggers;

    private NodeTelemetry(IHost host, ILoggerFactory loggers)
    {
        _host = host;
        _loggers = loggers;
    }

    /// <summary>Starts the telemetry host for the node named <paramref name="serviceName"/>, e.g. <c>peer0-habana</c>.</summary>
    public static async Task<NodeTelemetry> StartAsync(string serviceName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);

        // Not the node's command line: 'peer --config x' is not configuration. Environment variables still apply.
        // No reload-on-change: its watcher would watch the working directory recursively (6,500 directories and ~3 MB
        // of heap when started from a source tree) for appsettings files a node does not use.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = serviceName, Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        // gRPC logs every client that resets a stream at Information, with the exception's stack trace: under load
        // that is one formatted stack per call. Its warnings and errors still come through.
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.AddServiceDefaults();
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new NodeTelemetry(host, (ILoggerFactory)host.Services.GetService(typeof(ILoggerFactory))!);
    }

    /// <summary>The node options' logging callback: every node logger writes through this host's pipeline.</summary>
    public void ConfigureLogging(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.SetMinimumLevel(LogLevel.Trace);
        logging.AddProvider(new ForwardingLoggerProvider(_loggers));
    }

    /// <summary>Flushes and stops the exporters.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await _host.StopAsync(timeout.Token).ConfigureAwait(false);
        _host.Dispose();
    }

    /// <summary>Hands each category to the host's logger factory, whose filters and providers decide what is written.</summary>
    private sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

        public void Dispose()
        {
            // The host owns the target factory.
        }
    }
}
