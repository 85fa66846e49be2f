using System.Net;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Chaincode;
using Ceiba.Network.Peer.Delivery;
using Ceiba.Network.Peer.Endorser;
using Ceiba.Network.Peer.Gateway;
using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology.Generation.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Hosting;

/// <summary>
/// An embedded Fabric-compatible peer: <c>protos.Endorser</c> and <c>protos.Deliver</c> on its gRPC
/// port (TLS with its generated certificate unless the node config disables it), chaincode over CCaaS
/// at the addresses of its node config, and one ledger per joined channel kept caught up from the orderers.
/// </summary>
public sealed class PeerNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, PeerChannel> _channels;
    private readonly ChaincodeLauncher _launcher;
    private readonly SigningIdentity _identity;
    private readonly ILoggerFactory _loggers;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pullers = [];
    private GatewayService? _gateway;
    private int _disposed;

    private PeerNode(string name, WebApplication app, IReadOnlyDictionary<string, PeerChannel> channels, ChaincodeLauncher launcher, SigningIdentity identity, ILoggerFactory loggers)
    {
        Name = name;
        _app = app;
        _channels = channels;
        _launcher = launcher;
        _identity = identity;
        _loggers = loggers;
    }

    /// <summary>The node's metrics.</summary>
    public PeerMetrics Metrics { get; private init; } = null!;

    /// <summary>The node name, e.g. <c>peer0-habana</c>.</summary>
    public string Name { get; }

    /// <summary>The joined channel <paramref name="channel"/>.</summary>
    /// <exception cref="KeyNotFoundException">The peer has not joined it.</exception>
    public PeerChannel GetChannel(string channel) => _channels[channel];

    /// <summary>Starts the peer described by the node config at <paramref name="configPath"/> (written by <c>network generate</c>).</summary>
    public static async Task<PeerNode> StartAsync(string configPath, PeerNodeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PeerNodeOptions();
        var config = NodeConfig.Load(configPath);
        if (config.Role != "peer")
        {
            throw new InvalidOperationException($"{configPath}: the node config is for a {config.Role}, not a peer.");
        }

        var root = NodeConfig.RootOf(configPath);
        var chaincodeEndpoints = ChaincodeEndpoints.Load(config, root, configPath);
        var loggers = LoggerFactory.Create(options.ConfigureLogging ?? (logging => logging.AddSimpleConsole(c => c.SingleLine = true)));
        var identity = SigningIdentity.FromMspFolder(Path.Combine(root, config.MspDirectory), config.MspId);
        Dictionary<string, PeerChannel>? joined = null;
        var metrics = new PeerMetrics(config.Name, () => joined?.Values.Select(c => (c.ChannelId, c.Ledger.Height)) ?? []);
        var channels = config.Channels.ToDictionary(
            c => c.Name,
            c => PeerChannel.Join(
                Block.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(root, c.GenesisBlock))),
                config.Chaincodes.Where(cc => cc.Channel == c.Name).Select(cc => new KeyValuePair<string, string>(cc.Name, cc.EndorsementPolicy)),
                Path.Combine(root, config.DataDirectory, "ledgers", c.Name),
                loggers,
                metrics),
            StringComparer.Ordinal);
        joined = channels;
        var launcher = new ChaincodeLauncher(chaincodeEndpoints, options.ChaincodeExecuteTimeout);
        PeerChannel? Find(string name) => channels.GetValueOrDefault(name);
        var endorser = new ProposalEndorser(Find, launcher, identity, loggers.CreateLogger<ProposalEndorser>(), metrics);

        var orderers = config.Orderers
            .Select(o => new OrdererEndpoint(o.Name, o.Address, o.HostName, TlsCa(config, root, o.TlsCaCert)))
            .ToList();
        var peers = config.Peers
            .Where(p => p.Name != config.Name)
            .Select(p => new PeerEndpoint(p.Name, p.MspId, p.Address, p.HostName, TlsCa(config, root, p.TlsCaCert)))
            .ToList();
        var gateway = new GatewayService(Find, endorser, config.MspId, $"{config.HostName}:{config.Listen.Port}", peers, orderers, metrics);

        var pullers = channels.Values.Select(c => new BlockPuller(c, orderers, identity, loggers.CreateLogger<BlockPuller>())).ToList();
        var readiness = new PeerReadinessCheck(pullers, launcher);
        var app = Build(config, root, loggers, endorser, new PeerDeliverService(Find, loggers.CreateLogger<PeerDeliverService>()), gateway, readiness);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var node = new PeerNode(config.Name, app, channels, launcher, identity, loggers) { _gateway = gateway, Metrics = metrics };
        foreach (var puller in pullers)
        {
            node._pullers.Add(Task.Run(() => puller.RunAsync(node._stop.Token), CancellationToken.None));
        }

        Log.Serving(loggers.CreateLogger("Ceiba.Network.Peer"), config.Name, string.Join(", ", channels.Keys), $"{config.Listen.Host}:{config.Listen.Port}", config.TlsEnabled, string.Join(", ", chaincodeEndpoints.Select(c => $"{c.Name}@{c.Address}{(c.RootCertificate is null ? string.Empty : c.ClientCertificate is null ? " (TLS)" : " (mutual TLS)")}")));
        return node;
    }

    /// <summary>Completes when the node shuts down.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops serving and pulling, and closes the ledgers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await Task.WhenAll(_pullers).ConfigureAwait(false);
        await _launcher.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _gateway?.Dispose();
        Metrics.Dispose();
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _identity.Dispose();
        _stop.Dispose();
        _loggers.Dispose();
    }

    private static X509Certificate2? TlsCa(NodeConfig config, string root, string path) =>
        config.TlsEnabled ? X509CertificateLoader.LoadCertificateFromFile(Path.Combine(root, path)) : null;

    private static WebApplication Build(NodeConfig config, string root, ILoggerFactory loggers, ProposalEndorser endorser, PeerDeliverService deliver, GatewayService gateway, PeerReadinessCheck readiness)
    {
        // No reload-on-change: its watcher would watch the content root (the generated network) recursively for
        // appsettings files a node does not use.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = $"peer-{config.Name}", ContentRootPath = root, Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(3));
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var host = IPAddress.Parse(config.Listen.Host);
            kestrel.Listen(host, config.Listen.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (config.TlsEnabled)
                {
                    var tls = Path.Combine(root, config.TlsDirectory);
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(Path.Combine(tls, "server.crt"), Path.Combine(tls, "server.key")));
                }
            });
            if (config.Listen.OperationsPort is { } operations)
            {
                kestrel.Listen(host, operations, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = NodeGrpcChannels.MaxMessageBytes;
            grpc.MaxSendMessageSize = NodeGrpcChannels.MaxMessageBytes;
        });
        builder.Services.AddSingleton(new EndorserService(endorser));
        builder.Services.AddSingleton(deliver);
        builder.Services.AddSingleton(gateway);
        builder.Services.AddHealthChecks().AddCheck("peer-ready", readiness);

        var app = builder.Build();
        app.MapGrpcService<EndorserService>();
        app.MapGrpcService<PeerDeliverService>();
        app.MapGrpcService<GatewayService>();
        if (config.Listen.OperationsPort is { } port)
        {
            app.MapHealthChecks("/health").RequireHost($"*:{port}");
        }

        return app;
    }
}
