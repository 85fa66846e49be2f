using System.Net;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Ledger;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Blocks;
using Ceiba.Network.Orderer.Consensus;
using Ceiba.Network.Orderer.Hosting;
using Ceiba.Network.Orderer.Internal;
using Ceiba.Network.Orderer.Services;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology.Generation.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer;

/// <summary>
/// An embedded Fabric-compatible ordering node: <c>orderer.AtomicBroadcast</c> on its gRPC port (TLS
/// with its generated certificate unless the node config disables it), <c>/health</c> on its
/// operations port, Raft among the topology's orderers (or a single node without a cluster), and
/// one append-only block store per channel starting at the generated genesis block.
/// </summary>
public sealed class OrdererNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IBlockConsensus _consensus;
    private readonly IReadOnlyDictionary<string, OrdererChannel> _channels;
    private readonly LeaderForwarder _forwarder;
    private readonly SigningIdentity _signer;
    private readonly ILoggerFactory _loggers;
    private readonly X509Certificate2? _tlsCertificate;
    private int _disposed;

    private OrdererNode(string name, WebApplication app, IBlockConsensus consensus, IReadOnlyDictionary<string, OrdererChannel> channels, LeaderForwarder forwarder, SigningIdentity signer, OrdererMetrics metrics, ILoggerFactory loggers, X509Certificate2? tlsCertificate)
    {
        _tlsCertificate = tlsCertificate;
        Name = name;
        _app = app;
        _consensus = consensus;
        _channels = channels;
        _forwarder = forwarder;
        _signer = signer;
        Metrics = metrics;
        _loggers = loggers;
    }

    /// <summary>The node name, e.g. <c>orderer0</c>.</summary>
    public string Name { get; }

    /// <summary>True when this node cuts blocks (the Raft leader, or a single node).</summary>
    public bool IsLeader => _consensus.IsLeader;

    /// <summary>True when a leader is known and this node is in its quorum.</summary>
    public bool IsReady => _consensus.IsReady;

    /// <summary>The node's metrics.</summary>
    public OrdererMetrics Metrics { get; }

    /// <summary>Blocks this node pulled from other orderers after installing a Raft snapshot (0 without a cluster).</summary>
    internal long PulledBlocks => (_consensus as RaftConsensus)?.PulledBlocks ?? 0;

    /// <summary>The block store of <paramref name="channel"/>.</summary>
    public BlockStore GetStore(string channel) => _channels[channel].Store;

    /// <summary>Starts the node described by the node config at <paramref name="configPath"/> (written by <c>network generate</c>).</summary>
    public static async Task<OrdererNode> StartAsync(string configPath, OrdererNodeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OrdererNodeOptions();
        var config = NodeConfig.Load(configPath);
        if (config.Role != "orderer")
        {
            throw new InvalidOperationException($"{configPath}: the node config is for a {config.Role}, not an orderer.");
        }

        var root = NodeConfig.RootOf(configPath);
        var loggers = LoggerFactory.Create(options.ConfigureLogging ?? DefaultLogging);
        var logger = loggers.CreateLogger("Ceiba.Network.Orderer");
        var dataDirectory = Path.Combine(root, config.DataDirectory);
        var channels = config.Channels.ToDictionary(
            c => c.Name,
            c => OrdererChannel.Open(c.Name, Block.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(root, c.GenesisBlock))), dataDirectory, options.Clock),
            StringComparer.Ordinal);

        var signer = SigningIdentity.FromMspFolder(Path.Combine(root, config.MspDirectory), config.MspId);
        var tlsCertificate = config.TlsEnabled
            ? X509Certificate2.CreateFromPemFile(Path.Combine(root, config.TlsDirectory, "server.crt"), Path.Combine(root, config.TlsDirectory, "server.key"))
            : null;
        IBlockConsensus consensus;
        if (config.Orderers.Count > 1)
        {
            var members = ClusterMembers.Read(config, root);
            var puller = new BlockPuller(config.Name, members, root, config.TlsEnabled, tlsCertificate, signer, logger);
            consensus = await RaftConsensus.CreateAsync(
                config.Name,
                members,
                dataDirectory,
                channels,
                puller,
                new RaftOptions(options.ElectionTimeout, options.SnapshotIntervalBytes, options.RaftLogChunkBytes),
                config.TlsEnabled ? RaftTls.Create(Path.Combine(root, config.TlsDirectory), Path.Combine(root, config.Orderers[0].TlsCaCert)) : null,
                loggers,
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            consensus = new SoloConsensus(channels);
        }

        var metrics = new OrdererMetrics(config.Name, () => consensus.IsLeader, () => channels.Values.Select(c => (c.Name, (long)c.Store.Height - 1)));
        var clusterPeers = tlsCertificate is not null && config.Orderers.Count > 1
            ? new ClusterPeerCheck(X509CertificateLoader.LoadCertificateFromFile(Path.Combine(root, config.Orderers[0].TlsCaCert)), [.. config.Orderers.Select(o => o.HostName)])
            : null;
        var forwarder = new LeaderForwarder(root, config.TlsEnabled, tlsCertificate, logger);
        var processor = new BroadcastProcessor(new BroadcastValidator(channels), consensus, forwarder, metrics, logger);
        var deliver = new DeliverHandler(channels, options.Clock, logger);

        await consensus.StartAsync(cancellationToken).ConfigureAwait(false);
        var blocks = new OrdererBlockFactory(signer);
        foreach (var channel in channels.Values)
        {
            channel.Orderer = new ChainOrderer(channel, blocks, consensus, metrics, logger, options.Clock);
        }

        var app = Build(config, loggers, tlsCertificate, consensus, processor, deliver, clusterPeers);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        Log.Serving(logger, config.Name, string.Join(", ", channels.Keys), $"{config.Listen.Host}:{config.Listen.Port}", config.TlsEnabled, config.Listen.OperationsPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)", consensus.Description);
        return new OrdererNode(config.Name, app, consensus, channels, forwarder, signer, metrics, loggers, tlsCertificate);
    }

    private static void DefaultLogging(ILoggingBuilder logging) => logging
        .AddSimpleConsole(console => console.SingleLine = true)
        .AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

    /// <summary>Completes when the node shuts down.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops serving, leaves the cluster and closes the stores.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        foreach (var channel in _channels.Values)
        {
            if (channel.Orderer is { } orderer)
            {
                await orderer.DisposeAsync().ConfigureAwait(false);
            }
        }

        await _forwarder.DisposeAsync().ConfigureAwait(false);
        await _consensus.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var channel in _channels.Values)
        {
            channel.Store.Dispose();
        }

        _signer.Dispose();
        _tlsCertificate?.Dispose();
        Metrics.Dispose();
        _loggers.Dispose();
    }

    private static WebApplication Build(NodeConfig config, ILoggerFactory loggers, X509Certificate2? tlsCertificate, IBlockConsensus consensus, BroadcastProcessor processor, DeliverHandler deliver, ClusterPeerCheck? clusterPeers)
    {
        // No reload-on-change: its watcher would watch the working directory recursively (6,500 directories and ~3 MB of
        // heap when started from a source tree) for appsettings files a node does not use.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = $"orderer-{config.Name}", Args = ["--hostBuilder:reloadConfigOnChange=false"] });
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
                if (tlsCertificate is not null)
                {
                    // Client certificates are optional (clients rarely send one); a forwarding orderer sends its own, checked by ClusterPeerCheck.
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = tlsCertificate,
                        ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                        ClientCertificateValidation = (_, _, _) => true,
                    });
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
        builder.Services.AddSingleton(processor);
        builder.Services.AddSingleton(deliver);
        if (clusterPeers is not null)
        {
            builder.Services.AddSingleton(clusterPeers);
        }

        builder.Services.AddHealthChecks().AddCheck("orderer-ready", new OrdererReadinessCheck(consensus));

        var app = builder.Build();
        app.MapGrpcService<AtomicBroadcastService>();
        if (config.Listen.OperationsPort is { } port)
        {
            app.MapHealthChecks("/health").RequireHost($"*:{port}");
        }

        return app;
    }
}
