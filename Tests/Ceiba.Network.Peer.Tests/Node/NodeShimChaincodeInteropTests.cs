using Ceiba.Testing.Fabric;
using Ceiba.Network.Orderer;
using Ceiba.Network.Peer.Hosting;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Peer;
using Ceiba.Testing;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Tests.Node;

public sealed class NodeShimChaincodeInteropTests
{
    [Fact]
    public async Task A_node_fabric_shim_chaincode_in_ccaas_mode_serves_transactions_through_our_peer()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var peerName = network.PeerNames[0];
        var config = network.Config(peerName);
        await using var chaincode = await NodeInterop.StartAsync("shim/chaincode.js", new NodeRunOptions
        {
            Environment = new Dictionary<string, string>
            {
                ["CHAINCODE_ID"] = "ehr_1.0:0123456789abcdef",
                ["CHAINCODE_SERVER_ADDRESS"] = config.Chaincodes[0].Address!,
                ["CORE_CHAINCODE_LOGGING_LEVEL"] = "warning",
            },
        }, cancellationToken);
        await chaincode.WaitForLineAsync(line => line.StartsWith("CEIBA-SHIM-READY", StringComparison.Ordinal), TimeSpan.FromSeconds(60), cancellationToken);
        await using var orderer = await OrdererNode.StartAsync(network.NodeConfig(network.OrdererNames[0]), new OrdererNodeOptions { ConfigureLogging = Quiet }, cancellationToken);
        await using var peer = await PeerNode.StartAsync(network.NodeConfig(peerName), new PeerNodeOptions { ConfigureLogging = Quiet }, cancellationToken);
        using var client = network.Client();
        using var channel = GrpcClients.Create($"localhost:{config.Listen.Port}", Path.Combine(network.Root, config.TlsDirectory, "ca.crt"), config.HostName);
        var gateway = new GatewayCalls(channel, client, network.Channel);

        // Act
        var first = await gateway.SubmitAndWaitAsync(cancellationToken, "put", "k1", "v1");
        var second = await gateway.SubmitAndWaitAsync(cancellationToken, "put", "k2", "v2");
        var range = await gateway.EvaluateAsync(cancellationToken, "range", "k0", "k9");
        var history = await gateway.EvaluateAsync(cancellationToken, "history", "k1");

        // Assert
        Assert.Equal((TxValidationCode.Valid, TxValidationCode.Valid), (first.Result, second.Result));
        Assert.Equal("[{\"key\":\"k1\",\"value\":\"v1\"},{\"key\":\"k2\",\"value\":\"v2\"}]", range.Payload.ToStringUtf8());
        Assert.Contains("\"value\":\"v1\"", history.Payload.ToStringUtf8(), StringComparison.Ordinal);
        Assert.False(chaincode.HasExited, chaincode.StandardError);
    }

    private static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);
}
