using System.Text.Json.Nodes;
using Ceiba.Testing;

namespace Ceiba.Network.Peer.Tests.Node;

public sealed class NodeGatewayInteropTests(ThreeOrgNetworkFixture fixture) : IClassFixture<ThreeOrgNetworkFixture>
{
    [Fact]
    public async Task The_official_node_gateway_client_submits_evaluates_and_reads_events_through_our_peer()
    {
        // Arrange
        var network = fixture.Network;
        var config = network.Config(network.PeerNames[0]);
        var msp = network.ClientMspDirectory();
        var request = new JsonObject
        {
            ["address"] = $"localhost:{config.Listen.Port}",
            ["tlsCaPem"] = File.ReadAllText(Path.Combine(network.Root, config.TlsDirectory, "ca.crt")),
            ["hostName"] = config.HostName,
            ["mspId"] = config.MspId,
            ["certPem"] = File.ReadAllText(Directory.GetFiles(Path.Combine(msp, "signcerts")).Single()),
            ["keyPem"] = File.ReadAllText(Directory.GetFiles(Path.Combine(msp, "keystore")).Single()),
            ["channel"] = network.Channel,
            ["chaincode"] = "ehr",
            ["submit"] = new JsonArray(new JsonArray("put", "node-1", "from node"), new JsonArray("put", "node-2", "again")),
            ["evaluate"] = new JsonArray("get", "node-1"),
        };

        // Act
        var result = (await NodeInterop.RunJsonAsync("gateway/gateway-client.js", request, new NodeRunOptions { Timeout = TimeSpan.FromSeconds(90) }, TestContext.Current.CancellationToken))!;

        // Assert
        var submitted = result["submitted"]!.AsArray();
        Assert.All(submitted, s => Assert.Equal((0, true), (s!["code"]!.GetValue<int>(), s["successful"]!.GetValue<bool>())));
        Assert.Equal("from node", submitted[0]!["result"]!.GetValue<string>());
        Assert.Equal("from node", result["evaluated"]!.GetValue<string>());
        var events = result["events"]!.AsArray();
        Assert.Equal(["node-1", "node-2"], events.Select(e => e!["payload"]!.GetValue<string>()));
        Assert.Equal(submitted[0]!["transactionId"]!.GetValue<string>(), events[0]!["transactionId"]!.GetValue<string>());
    }
}
