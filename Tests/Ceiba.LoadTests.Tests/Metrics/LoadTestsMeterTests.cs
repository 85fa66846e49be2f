using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Metrics;

namespace Ceiba.LoadTests.Tests.Metrics;

public sealed class LoadTestsMeterTests
{
    [Fact]
    public void Measured_transactions_are_published_on_the_Ceiba_LoadTests_meter()
    {
        // Arrange
        var seen = new ConcurrentBag<(string Instrument, object? Type)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LoadTestsMeter.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => seen.Add((instrument.Name, Type(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => seen.Add((instrument.Name, Type(tags))));
        listener.Start();
        var recorder = new MetricsRecorder();
        var start = Stopwatch.GetTimestamp();
        recorder.BeginSegment("measured", start);

        // Act
        recorder.Record(new TransactionSample("meter-test", "03", true, start, start, start + 1000, null, null, null, FailureKind.None));

        // Assert
        Assert.Contains(("ceiba.loadtests.transactions", (object?)"meter-test"), seen);
        Assert.Contains(("ceiba.loadtests.latency", (object?)"meter-test"), seen);
    }

    private static object? Type(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "type")
            {
                return tag.Value;
            }
        }
        return null;
    }
}
