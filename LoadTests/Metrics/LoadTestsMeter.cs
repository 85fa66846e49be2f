using System.Diagnostics.Metrics;
using Ceiba.LoadTests.Engine;

namespace Ceiba.LoadTests.Metrics;

/// <summary>
/// The <c>Ceiba.LoadTests</c> meter: measured transactions and their end-to-end latency as .NET metrics, for
/// <c>dotnet-counters</c> or an OpenTelemetry listener. Nothing is recorded unless a listener is attached.
/// </summary>
public static class LoadTestsMeter
{
    public const string Name = "Ceiba.LoadTests";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Transactions =
        Meter.CreateCounter<long>("ceiba.loadtests.transactions", "{transaction}", "Measured transactions, by type and outcome");

    private static readonly Histogram<double> Latency =
        Meter.CreateHistogram<double>("ceiba.loadtests.latency", "ms", "End-to-end latency from the intended start, by type");

    internal static void Record(in TransactionSample sample, long endToEndMicroseconds)
    {
        if (Transactions.Enabled)
        {
            Transactions.Add(1, new("type", sample.Type), new("outcome", sample.Failure.ToString()));
        }
        if (Latency.Enabled)
        {
            Latency.Record(endToEndMicroseconds / 1000.0, new KeyValuePair<string, object?>("type", sample.Type));
        }
    }
}
