using System.Collections.Concurrent;
using System.Diagnostics;
using Ceiba.Network.Orderer;
using Ceiba.Network.Peer.Hosting;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Ceiba.Testing.Fabric;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>
/// cuba-3 with the orderer and two peers in-process and the third peer (Santiago) as a real <c>network peer</c>
/// process, killed with SIGKILL while concurrent clients submit through another peer, then restarted.
/// </summary>
public sealed class PeerCrashUnderLoadTests : IAsyncDisposable
{
    private readonly TestNetwork _network = TestNetwork.Generate("cuba-3", orderers: 1);
    private readonly List<IAsyncDisposable> _running = [];
    private Process? _process;

    [Fact]
    public async Task A_peer_killed_under_concurrent_load_restarts_loses_nothing_and_catches_up_with_identical_blocks_and_state()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var peers = _network.PeerNames.ToDictionary(n => _network.Config(n).MspId);
        var crashing = peers["SantiagoMSP"];
        var crashingConfig = _network.Config(crashing);
        _running.Add(await OrdererNode.StartAsync(_network.NodeConfig(_network.OrdererNames[0]), new OrdererNodeOptions { ConfigureLogging = Quiet }, ct));
        foreach (var name in _network.PeerNames)
        {
            var address = _network.Config(name).Chaincodes[0].Address!;
            _running.Add(await ChaincodeHost.StartAsync(ct, int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        }

        var habana = await PeerNode.StartAsync(_network.NodeConfig(peers["HabanaMSP"]), new PeerNodeOptions { ConfigureLogging = Quiet }, ct);
        _running.Add(habana);
        var villaClara = await PeerNode.StartAsync(_network.NodeConfig(peers["VillaClaraMSP"]), new PeerNodeOptions { ConfigureLogging = Quiet }, ct);
        _running.Add(villaClara);
        _process = NetworkHost.Start("peer", "--config", _network.NodeConfig(crashing));
        using var client = _network.Client();
        using var gatewayChannel = PeerChannel(peers["HabanaMSP"]);
        await using var load = new LoadGenerator(gatewayChannel, client, _network.Channel, workers: 4);
        var seenBeforeKill = new ConcurrentDictionary<ulong, string>();

        // Act: load through Habana; record the blocks the Santiago process serves; kill it mid-load.
        load.Start();
        using (var crashingChannel = await WaitServingAsync(crashingConfig, ct))
        {
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var watcher = WatchBlocksAsync(crashingChannel, client, seenBeforeKill, watching.Token);
            await load.WaitForValidAsync(20, ct);
            await WaitUntilAsync(() => seenBeforeKill.Count >= 4, ct);
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(ct);
            await watching.CancelAsync();
            await watcher;
        }

        var validAtKill = load.ValidCount;
        await load.WaitForValidAsync(validAtKill + 20, ct);
        _process.Dispose();
        _process = NetworkHost.Start("peer", "--config", _network.NodeConfig(crashing));
        using var restartedChannel = await WaitServingAsync(crashingConfig, ct);
        await load.WaitForValidAsync(load.ValidCount + 20, ct);
        await load.StopAsync();
        await WaitUntilAsync(() => habana.GetChannel(_network.Channel).Ledger.Height == villaClara.GetChannel(_network.Channel).Ledger.Height, ct);
        var reference = habana.GetChannel(_network.Channel).Ledger;
        var height = reference.Height;
        var served = await ReadBlocksAsync(restartedChannel, client, height - 1, ct);
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(ct);
        using var recovered = PeerLedger.Open(Path.Combine(_network.Root, crashingConfig.DataDirectory, "ledgers", _network.Channel));

        // Assert
        string Hash(ulong number) => Convert.ToHexString(BlockHashing.HeaderHash(reference.Blocks.GetBlock(number).Header));
        Assert.True(seenBeforeKill.Count >= 4);
        Assert.All(seenBeforeKill, seen => Assert.Equal(Hash(seen.Key), seen.Value));
        Assert.Equal((int)height, served.Count);
        Assert.All(served.Select((hash, number) => (hash, number)), s => Assert.Equal(Hash((ulong)s.number), s.hash));
        Assert.Equal(height, recovered.Height);
        for (ulong number = 0; number < height; number++)
        {
            Assert.Equal(Hash(number), Convert.ToHexString(BlockHashing.HeaderHash(recovered.Blocks.GetBlock(number).Header)));
            Assert.Equal(Convert.ToHexString(reference.GetCheckpointHash(number)!), Convert.ToHexString(recovered.GetCheckpointHash(number)!));
        }

        var valid = load.Committed.Where(c => c.Status.Result == TxValidationCode.Valid).ToList();
        Assert.True(valid.Count >= 60, $"{valid.Count} valid transactions; {load.Failures.Count} failures");
        Assert.All(valid, c => Assert.Equal(c.Value, recovered.GetState("ehr", c.Key)?.Value is { } v ? System.Text.Encoding.UTF8.GetString(v) : null));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        foreach (var running in Enumerable.Reverse(_running))
        {
            await running.DisposeAsync();
        }

        _network.Dispose();
    }

    private static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);

    private GrpcChannel PeerChannel(string name)
    {
        var config = _network.Config(name);
        return GrpcClients.Create($"localhost:{config.Listen.Port}", Path.Combine(_network.Root, config.TlsDirectory, "ca.crt"), config.HostName);
    }

    /// <summary>Records the header hash of every block the peer delivers, until the stream breaks (the kill) or is cancelled.</summary>
    private async Task WatchBlocksAsync(GrpcChannel channel, Ceiba.Network.Msp.SigningIdentity client, ConcurrentDictionary<ulong, string> seen, CancellationToken cancellationToken)
    {
        try
        {
            using var call = new Protos.Peer.Deliver.DeliverClient(channel).Deliver(cancellationToken: cancellationToken);
            await call.RequestStream.WriteAsync(DeliverCalls.Seek(client, _network.Channel, 0, ulong.MaxValue), cancellationToken);
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                if (call.ResponseStream.Current.Block is { } block)
                {
                    seen[block.Header.Number] = Convert.ToHexString(BlockHashing.HeaderHash(block.Header));
                }
            }
        }
        catch (Exception error) when (error is RpcException or OperationCanceledException or IOException)
        {
            // The peer was killed, or the watch was stopped.
        }
    }

    /// <summary>Delivers blocks 0..<paramref name="last"/> from the peer, waiting (generously) for those it has not committed yet.</summary>
    private async Task<List<string>> ReadBlocksAsync(GrpcChannel channel, Ceiba.Network.Msp.SigningIdentity client, ulong last, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var hashes = new List<string>();
        using var call = new Protos.Peer.Deliver.DeliverClient(channel).Deliver(cancellationToken: timeout.Token);
        await call.RequestStream.WriteAsync(DeliverCalls.Seek(client, _network.Channel, 0, last), timeout.Token);
        while (await call.ResponseStream.MoveNext(timeout.Token) && call.ResponseStream.Current.Block is { } block)
        {
            hashes.Add(Convert.ToHexString(BlockHashing.HeaderHash(block.Header)));
        }

        return hashes;
    }

    private async Task<GrpcChannel> WaitServingAsync(Topology.Generation.Nodes.NodeConfig config, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var channel = GrpcClients.Create($"localhost:{config.Listen.Port}", Path.Combine(_network.Root, config.TlsDirectory, "ca.crt"), config.HostName);
            try
            {
                await channel.ConnectAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                return channel;
            }
            catch (Exception error) when (error is TimeoutException or RpcException or HttpRequestException && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                channel.Dispose();
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
