namespace Ceiba.LoadTests.Engine;

/// <summary>Where flows and observers report what they measured. Thread-safe; called from many tasks at once.</summary>
public interface IMetricsSink
{
    /// <summary>Records one finished transaction. Samples that started inside the warm-up window are dropped by the sink.</summary>
    void Record(in TransactionSample sample);

    /// <summary>
    /// Records a latency for an extra stage that no single client call sees, such as
    /// <see cref="StageNames.CommitAtThreshold"/>: the time from the intended start until the commit was observed on
    /// the configured number of peers.
    /// </summary>
    void RecordStage(string stage, string type, string province, long intendedTimestamp, TimeSpan latency);
}
