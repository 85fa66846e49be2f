using HdrHistogram;

namespace Ceiba.LoadTests.Metrics;

/// <summary>
/// A thread-safe HdrHistogram of latencies in microseconds (3 significant digits, up to 10 minutes). Values above
/// the range are clamped to it rather than lost, so a pathological outlier still counts as the maximum.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>The largest latency that is tracked exactly: 10 minutes, in microseconds.</summary>
    public const long HighestTrackableMicroseconds = 600_000_000;

    /// <summary>Three significant digits: every recorded value is within 0.1% of the true one.</summary>
    public const int SignificantDigits = 3;

    private readonly LongHistogram histogram = Create();

    /// <summary>A fresh histogram with the range and precision every Ceiba latency histogram uses.</summary>
    public static LongHistogram Create() => new(1, HighestTrackableMicroseconds, SignificantDigits);

    /// <summary>Clamps a latency to the tracked range (at least 1 µs, at most 10 minutes).</summary>
    public static long ToMicroseconds(TimeSpan latency) =>
        Math.Clamp(latency.Ticks / TimeSpan.TicksPerMicrosecond, 1, HighestTrackableMicroseconds);

    public void Record(TimeSpan latency) => RecordMicroseconds(ToMicroseconds(latency));

    public void RecordMicroseconds(long microseconds)
    {
        var value = Math.Clamp(microseconds, 1, HighestTrackableMicroseconds);
        lock (histogram)
        {
            histogram.RecordValue(value);
        }
    }

    /// <summary>A copy that can be read while recording goes on.</summary>
    public LongHistogram Copy()
    {
        lock (histogram)
        {
            return (LongHistogram)histogram.Copy();
        }
    }
}
