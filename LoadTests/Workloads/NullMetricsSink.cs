using Ceiba.LoadTests.Engine;

namespace Ceiba.LoadTests.Workloads;

/// <summary>Discards samples: the workload's setup (accounts, preloaded patients) is not part of any measurement.</summary>
internal sealed class NullMetricsSink : IMetricsSink
{
    public static NullMetricsSink Instance { get; } = new();

    public void Record(in TransactionSample sample)
    {
    }

    public void RecordStage(string stage, string type, string province, long intendedTimestamp, TimeSpan latency)
    {
    }
}
