using HdrHistogram;

namespace Ceiba.LoadTests.Metrics;

/// <summary>The summary of one latency histogram, in milliseconds.</summary>
/// <param name="Count">How many values were recorded.</param>
public sealed record LatencyStats(long Count, double Mean, double P50, double P90, double P95, double P99, double P999, double Max)
{
    public static LatencyStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Reads the percentiles of a microsecond histogram and converts them to milliseconds.</summary>
    public static LatencyStats From(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }
        return new LatencyStats(
            histogram.TotalCount,
            Milliseconds(histogram.GetMean()),
            Milliseconds(histogram.GetValueAtPercentile(50)),
            Milliseconds(histogram.GetValueAtPercentile(90)),
            Milliseconds(histogram.GetValueAtPercentile(95)),
            Milliseconds(histogram.GetValueAtPercentile(99)),
            Milliseconds(histogram.GetValueAtPercentile(99.9)),
            Milliseconds(histogram.GetMaxValue()));
    }

    /// <summary>The value at <paramref name="percentile"/> (0–100) in milliseconds; 0 for an empty histogram.</summary>
    public static double PercentileMilliseconds(HistogramBase histogram, double percentile)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return histogram.TotalCount == 0 ? 0 : Milliseconds(histogram.GetValueAtPercentile(percentile));
    }

    private static double Milliseconds(double microseconds) => Math.Round(microseconds / 1000.0, 3);
}
