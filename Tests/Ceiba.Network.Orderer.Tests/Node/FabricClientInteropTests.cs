using Ceiba.Testing.Fabric;
using System.Text.Json.Nodes;
using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Testing;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Tests.Node;

/// <summary>The official Fabric Node bindings (@hyperledger/fabric-protos' AtomicBroadcastClient over grpc-js) against an embedded orderer.</summary>
public sealed class FabricClientInteropTests : IDisposable
{
    private readonly TestNetwork _network = TestNetwork.Generate("seed", tls: false);

    [Fact]
    public async Task A_grpc_js_fabric_client_broadcasts_and_delivers()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var name = _network.OrdererNames[0];
        await using var node = await OrdererNode.StartAsync(_network.NodeConfig(name), new OrdererNodeOptions { ConfigureLogging = l => l.SetMinimumLevel(LogLevel.Warning) }, ct);
        using var signer = _network.Client();
        var envelopes = Enumerable.Range(0, 3).Select(_ => Envelopes.Transaction(signer, _network.Channel).Envelope).ToList();
        envelopes.Add(Envelopes.Transaction(signer, "nochannel").Envelope);
        var request = new JsonObject
        {
            ["address"] = $"localhost:{_network.Config(name).Listen.Port}",
            ["broadcast"] = new JsonArray([.. envelopes.Select(e => (JsonNode)Convert.ToBase64String(e.ToByteArray()))]),
            ["seek"] = Convert.ToBase64String(Envelopes.Seek(signer, _network.Channel, Envelopes.Oldest, Envelopes.Newest).ToByteArray()),
        };

        // Act
        var result = (await NodeInterop.RunJsonAsync("orderer/atomic-broadcast.js", request, cancellationToken: ct))!;

        // Assert
        var statuses = result["broadcast"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()).ToList();
        Assert.Equal([200, 200, 200, (int)Status.NotFound], statuses);
        Assert.Equal(200, result["deliver"]!["status"]!.GetValue<int>());
        var blocks = result["deliver"]!["blocks"]!.AsArray();
        Assert.Equal(0, blocks[0]!["number"]!.GetValue<int>());
        Assert.Equal(3, blocks.Skip(1).Sum(b => b!["envelopes"]!.GetValue<int>()));
    }

    public void Dispose() => _network.Dispose();
}
