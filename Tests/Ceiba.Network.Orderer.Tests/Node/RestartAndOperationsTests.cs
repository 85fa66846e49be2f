using Ceiba.Testing.Fabric;
using System.Diagnostics.Metrics;
using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Tests.Node;

/// <summary>A single orderer of its own network: restarts, health and metrics (alone, so no other node's measurements mix in).</summary>
[Collection(MetricsCollection.Name)]
public sealed class RestartAndOperationsTests : IDisposable
{
    private static readonly OrdererNodeOptions Options = new() { ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning) };
    private readonly TestNetwork _network = TestNetwork.Generate("seed", tls: false);

    [Fact]
    public async Task A_restarted_orderer_recovers_its_chain_from_disk_and_extends_it()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var name = _network.OrdererNames[0];
        using var signer = _network.Client();
        byte[] tipBefore;
        ulong heightBefore;
        await using (var node = await OrdererNode.StartAsync(_network.NodeConfig(name), Options, ct))
        {
            using var client = OrdererClient.For(_network, name);
            await client.BroadcastAsync(Enumerable.Range(0, 12).Select(_ => Envelopes.Transaction(signer, _network.Channel).Envelope), ct);
            heightBefore = node.GetStore(_network.Channel).Height;
            tipBefore = node.GetStore(_network.Channel).TipHash.ToArray();
        }

        // Act
        await using var restarted = await OrdererNode.StartAsync(_network.NodeConfig(name), Options, ct);
        using var again = OrdererClient.For(_network, name);
        var (blocks, status) = await again.DeliverAsync(Envelopes.Seek(signer, _network.Channel, Envelopes.Oldest, Envelopes.Newest), ct);
        var next = await again.BroadcastAsync([Envelopes.Transaction(signer, _network.Channel).Envelope], ct);

        // Assert
        Assert.Equal(Status.Success, status);
        Assert.Equal(heightBefore, (ulong)blocks.Count);
        Assert.Equal(tipBefore, BlockHashing.HeaderHash(blocks[^1].Header));
        Assert.Equal(Status.Success, next[0].Status);
        Assert.Equal(heightBefore + 1, restarted.GetStore(_network.Channel).Height);
        Assert.Equal(tipBefore, restarted.GetStore(_network.Channel).GetBlock(heightBefore).Header.PreviousHash.ToByteArray());
    }

    [Fact]
    public async Task Health_is_served_on_the_operations_port_and_metrics_use_fabric_names()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var name = _network.OrdererNames[0];
        var config = _network.Config(name);
        var seen = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrdererMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => { lock (seen) { seen[instrument.Name] = value; } });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => { lock (seen) { seen[instrument.Name] = value; } });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => { lock (seen) { seen[instrument.Name] = value; } });
        listener.Start();
        await using var node = await OrdererNode.StartAsync(_network.NodeConfig(name), Options, ct);
        using var http = new HttpClient();
        using var signer = _network.Client();
        using var client = OrdererClient.For(_network, name);

        // Act
        var health = await http.GetAsync($"http://127.0.0.1:{config.Listen.OperationsPort}/health", ct);
        var body = await health.Content.ReadAsStringAsync(ct);
        await client.BroadcastAsync([Envelopes.Transaction(signer, _network.Channel).Envelope], ct);
        listener.RecordObservableInstruments();

        // Assert
        Assert.True(health.IsSuccessStatusCode, body);
        Assert.Equal("Healthy", body);
        Assert.Contains("broadcast_processed_count", seen.Keys);
        Assert.Contains("broadcast_validate_duration", seen.Keys);
        Assert.Contains("blockcutter_block_fill_duration", seen.Keys);
        Assert.Equal(1, seen["consensus_etcdraft_is_leader"]);
        Assert.Equal(1, seen["consensus_etcdraft_committed_block_number"]);
    }

    public void Dispose() => _network.Dispose();
}

/// <summary>Tests that listen to the process-wide orderer meter run without parallel neighbours.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "orderer metrics";
}
