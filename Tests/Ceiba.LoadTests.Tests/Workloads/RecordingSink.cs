using Ceiba.LoadTests.Workloads;
using System.Collections.Concurrent;
using Ceiba.LoadTests.Engine;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>A thread-safe sink that keeps everything it is given, for assertions.</summary>
internal sealed class RecordingSink : IMetricsSink
{
    private readonly ConcurrentQueue<TransactionSample> _samples = new();
    private readonly ConcurrentQueue<RecordedStage> _stages = new();

    public IReadOnlyList<TransactionSample> Samples => [.. _samples];

    public IReadOnlyList<RecordedStage> Stages => [.. _stages];

    public void Record(in TransactionSample sample) => _samples.Enqueue(sample);

    public void RecordStage(string stage, string type, string province, long intendedTimestamp, TimeSpan latency) =>
        _stages.Enqueue(new RecordedStage(stage, type, province, intendedTimestamp, latency));

    /// <summary>Waits (generously, polling) until <paramref name="condition"/> holds; false when it never did.</summary>
    public async Task<bool> WaitUntilAsync(Func<RecordingSink, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }
}

internal sealed record RecordedStage(string Stage, string Type, string Province, long IntendedTimestamp, TimeSpan Latency);
