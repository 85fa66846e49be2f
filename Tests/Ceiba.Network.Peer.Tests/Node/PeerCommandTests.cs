using Ceiba.Testing.Fabric;
using System.Diagnostics;
using Ceiba.Network.Orderer;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary><c>network peer --config</c> as a real process, including a kill -9 and a restart.</summary>
public sealed class PeerCommandTests : IDisposable
{
    private readonly TestNetwork _network = TestNetwork.Generate("seed");

    [Fact]
    public async Task A_peer_killed_hard_restarts_with_everything_committed_and_catches_up_with_what_was_ordered_meanwhile()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var name = _network.PeerNames[0];
        var config = _network.Config(name);
        await using var orderer = await OrdererNode.StartAsync(_network.NodeConfig(_network.OrdererNames[0]), new OrdererNodeOptions { ConfigureLogging = l => l.SetMinimumLevel(LogLevel.Warning) }, ct);
        var address = config.Chaincodes[0].Address!;
        await using var chaincode = await ChaincodeHost.StartAsync(ct, int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        using var client = _network.Client();
        using var ordererChannel = OrdererGrpcChannels.Create($"localhost:{_network.Config(_network.OrdererNames[0]).Listen.Port}", _network.OrdererTlsCa, _network.Config(_network.OrdererNames[0]).HostName);

        // Act: commit through the first process, endorse more, then kill it hard.
        var before = new List<CommitStatusResponse>();
        var pending = new List<(string TxId, Protos.Common.Envelope Envelope)>();
        using (var process = NetworkHost.Start("peer", "--config", _network.NodeConfig(name)))
        {
            try
            {
                using var channel = await WaitServingAsync(config, ct);
                var gateway = new GatewayCalls(channel, client, _network.Channel);
                for (var i = 0; i < 3; i++)
                {
                    before.Add(await gateway.SubmitAndWaitAsync(ct, "put", $"before-{i}", "x"));
                }

                for (var i = 0; i < 3; i++)
                {
                    pending.Add(await gateway.EndorseAsync(ct, null, "put", $"during-{i}", "y"));
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(ct);
            }
        }

        var broadcast = new AtomicBroadcast.AtomicBroadcastClient(ordererChannel);
        foreach (var (_, envelope) in pending)
        {
            using var call = broadcast.Broadcast(cancellationToken: ct);
            await call.RequestStream.WriteAsync(envelope, ct);
            Assert.True(await call.ResponseStream.MoveNext(ct));
            await call.RequestStream.CompleteAsync();
        }

        var after = new List<CommitStatusResponse>();
        using (var restarted = NetworkHost.Start("peer", "--config", _network.NodeConfig(name)))
        {
            try
            {
                using var channel = await WaitServingAsync(config, ct);
                var gateway = new GatewayCalls(channel, client, _network.Channel);
                foreach (var (txId, _) in pending)
                {
                    after.Add(await gateway.CommitStatusAsync(txId, client, ct));
                }

                var read = await gateway.EvaluateAsync(ct, "get", "before-0");
                Assert.Equal("x", read.Payload.ToStringUtf8());
            }
            finally
            {
                restarted.Kill(entireProcessTree: true);
                await restarted.WaitForExitAsync(ct);
            }
        }

        // Assert
        Assert.All(before, s => Assert.Equal(TxValidationCode.Valid, s.Result));
        Assert.All(after, s => Assert.Equal(TxValidationCode.Valid, s.Result));
    }

    [Fact]
    public async Task A_missing_config_file_is_named_in_the_error()
    {
        // Arrange
        var missing = Path.Combine(_network.Root, "nodes", "nowhere.json");
        using var process = NetworkHost.Start("peer", "--config", missing);

        // Act
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, process.ExitCode);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _network.Dispose();

    private async Task<Grpc.Net.Client.GrpcChannel> WaitServingAsync(Topology.Generation.Nodes.NodeConfig config, CancellationToken cancellationToken)
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
            catch (Exception error) when (error is TimeoutException or RpcException or HttpRequestException && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                channel.Dispose();
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
