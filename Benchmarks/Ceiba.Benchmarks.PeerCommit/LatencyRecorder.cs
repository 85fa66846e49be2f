using System.Diagnostics;

namespace Ceiba.Benchmarks.PeerCommit;

/// <summary>Collects call latencies (thread-safe) and reports count, throughput and percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private int _failures;

    /// <summary>The message of the first failed call, if any.</summary>
    public string? FirstFailure { get; private set; }

    public async Task TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            if (Interlocked.Increment(ref _failures) == 1)
            {
                FirstFailure = error.Message;
            }

            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_milliseconds)
        {
            _milliseconds.Add(elapsed);
        }
    }

    public string Report(string name)
    {
        double[] sorted;
        lock (_milliseconds)
        {
            sorted = [.. _milliseconds.Order()];
        }

        if (sorted.Length == 0)
        {
            return $"{name}: no successful calls, {_failures} failures";
        }

        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var failure = FirstFailure is null ? "" : $" (first failure: {FirstFailure})";
        return $"{name}: n={sorted.Length} failures={_failures}{failure} {sorted.Length / _wall.Elapsed.TotalSeconds:0}/s " +
            $"p50={Percentile(0.50):0.00} ms p90={Percentile(0.90):0.00} ms p99={Percentile(0.99):0.00} ms max={sorted[^1]:0.00} ms";
    }
}
