using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ceiba.Network.Peer.Tests.Support;

namespace Ceiba.Network.Peer.Tests.Node;

public sealed class PeerMetricsTests(SeedNetworkFixture fixture) : IClassFixture<SeedNetworkFixture>
{
    [Fact]
    public async Task A_submitted_transaction_is_measured_under_fabric_metric_names()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var seen = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PeerMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => seen.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen.AddOrUpdate(instrument.Name, value, (_, n) => Math.Max(n, value)));
        listener.Start();
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel();
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);

        // Act
        var status = await gateway.SubmitAndWaitAsync(ct, "put", "metered", "1");
        listener.RecordObservableInstruments();

        // Assert
        Assert.Equal(Protos.Peer.TxValidationCode.Valid, status.Result);
        Assert.True(seen.ContainsKey("endorser_proposal_duration"));
        Assert.True(seen.ContainsKey("ledger_block_processing_time"));
        Assert.True(seen.GetValueOrDefault("gateway_requests_completed") >= 1);
        Assert.True(seen.GetValueOrDefault("ledger_blockchain_height") >= 2);
    }
}
