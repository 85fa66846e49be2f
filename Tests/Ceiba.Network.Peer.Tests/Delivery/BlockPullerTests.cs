using Ceiba.Testing.Fabric;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Orderer;
using Ceiba.Network.Peer.Delivery;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Tests.Delivery;

public sealed class BlockPullerTests : IDisposable
{
    private readonly TestNetwork _network = TestNetwork.Generate("seed");
    private readonly TempDirectory _ledger = new();

    [Fact]
    public async Task The_puller_fails_over_from_an_unreachable_orderer_and_commits_what_the_live_one_orders()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var ordererName = _network.OrdererNames[0];
        var ordererConfig = _network.Config(ordererName);
        await using var orderer = await OrdererNode.StartAsync(_network.NodeConfig(ordererName), new OrdererNodeOptions { ConfigureLogging = l => l.SetMinimumLevel(LogLevel.Warning) }, ct);
        var peerConfig = _network.Config(_network.PeerNames[0]);
        var genesis = Block.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(_network.Root, peerConfig.Channels[0].GenesisBlock)));
        using var channel = PeerChannel.Join(genesis, peerConfig.Chaincodes.Select(c => new KeyValuePair<string, string>(c.Name, c.EndorsementPolicy)), _ledger.Path);
        var tlsCa = X509CertificateLoader.LoadCertificateFromFile(_network.OrdererTlsCa);
        OrdererEndpoint[] orderers =
        [
            new("dead", $"127.0.0.1:{FreePorts.Take(1)[0]}", ordererConfig.HostName, tlsCa),
            new(ordererName, $"localhost:{ordererConfig.Listen.Port}", ordererConfig.HostName, tlsCa),
        ];
        using var peer = _network.Peer();
        using var client = _network.Client();
        var puller = new BlockPuller(channel, orderers, peer, firstOrderer: 0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = puller.RunAsync(stop.Token);
        var (envelope, txId) = TestTransactions.Endorsed(client, _network.Channel, TestTransactions.RwSet(writes: [("k", "v")]), [peer]);

        // Act
        using (var grpc = OrdererGrpcChannels.Create($"localhost:{ordererConfig.Listen.Port}", _network.OrdererTlsCa, ordererConfig.HostName))
        using (var call = new AtomicBroadcast.AtomicBroadcastClient(grpc).Broadcast(cancellationToken: ct))
        {
            await call.RequestStream.WriteAsync(envelope, ct);
            Assert.True(await call.ResponseStream.MoveNext(ct));
            await call.RequestStream.CompleteAsync();
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await channel.Ledger.WaitForBlockAsync(1, timeout.Token);
        await stop.CancelAsync();
        await running;

        // Assert
        Assert.Equal(Protos.Peer.TxValidationCode.Valid, channel.Ledger.FindTransaction(txId)?.ValidationCode);
        Assert.Equal("v"u8.ToArray(), channel.Ledger.GetState("ehr", "k")?.Value);
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _network.Dispose();
    }
}
