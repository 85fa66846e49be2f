using System.Diagnostics;
using Ceiba.LoadTests.Metrics.Resources;
using HdrHistogram;

namespace Ceiba.LoadTests.Metrics;

/// <summary>
/// Ticks once per interval while a run goes on: takes the interval's end-to-end histogram from the recorder, samples
/// resources, and reports progress. <see cref="BuildSeries"/> joins its ticks with the recorder's per-second
/// counters once the run is over.
/// </summary>
public sealed class IntervalSampler(MetricsRecorder metrics, ResourceSampler? resources, Func<long> inFlight, Action<ProgressUpdate>? progress)
{
    private readonly Dictionary<int, Tick> ticks = [];
    private readonly long runStart = Stopwatch.GetTimestamp();

    /// <summary>Every reading taken, for the resource summary.</summary>
    public List<ResourceReading> AllReadings { get; } = [];

    /// <summary>Ticks every <paramref name="interval"/> until cancelled; never throws for the cancellation.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                TickOnce();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over; the last partial interval is taken by the caller through TickOnce.
        }
    }

    /// <summary>Takes one sample now.</summary>
    public void TickOnce()
    {
        var now = Stopwatch.GetTimestamp();
        var histogram = metrics.TakeIntervalEndToEnd();
        var readings = resources?.Sample() ?? [];
        var origin = metrics.MeasurementStartTimestamp;
        var measuring = origin is { } o && now >= o;
        // The tick closes the second that ends nearest to now; rounding keeps a tick that fires a little early or
        // late on its own second instead of merging it with its neighbour.
        var second = measuring ? (int)Math.Max(0, Math.Round((double)(now - origin!.Value) / Stopwatch.Frequency) - 1) : -1;
        var segment = measuring ? metrics.SegmentOf(now) : null;
        lock (ticks)
        {
            if (measuring)
            {
                AllReadings.AddRange(readings);
                ticks[second] = ticks.TryGetValue(second, out var earlier) ? earlier.Merge(histogram, readings) : new Tick(histogram, readings);
            }
        }
        if (progress is null)
        {
            return;
        }
        var counters = metrics.Counters;
        var snapshotSecond = measuring && counters is not null ? second : -1;
        progress(new ProgressUpdate(
            Stopwatch.GetElapsedTime(runStart, now),
            segment?.Name ?? "warm-up",
            snapshotSecond >= 0 ? counters!.Get(snapshotSecond, IntervalField.Started) : 0,
            snapshotSecond >= 0 ? counters!.Get(snapshotSecond, IntervalField.Succeeded) : 0,
            LatencyStats.PercentileMilliseconds(histogram, 99),
            metrics.Segments.Sum(s => s.Succeeded),
            metrics.Segments.Sum(s => s.Failed),
            inFlight()));
    }

    /// <summary>The per-second series of the measured window, up to <paramref name="seconds"/> seconds.</summary>
    public IReadOnlyList<IntervalPoint> BuildSeries(int seconds)
    {
        var counters = metrics.Counters;
        if (counters is null)
        {
            return [];
        }
        var length = Math.Max(seconds, counters.Length);
        var series = new List<IntervalPoint>(length);
        lock (ticks)
        {
            for (var second = 0; second < length; second++)
            {
                ticks.TryGetValue(second, out var tick);
                var histogram = tick?.Histogram;
                series.Add(new IntervalPoint(
                    second,
                    counters.Get(second, IntervalField.Started),
                    counters.Get(second, IntervalField.Completed),
                    counters.Get(second, IntervalField.Succeeded),
                    counters.Get(second, IntervalField.SucceededWrites),
                    counters.Get(second, IntervalField.Failed),
                    counters.Get(second, IntervalField.ArrivalsScheduled),
                    histogram is null ? 0 : LatencyStats.PercentileMilliseconds(histogram, 50),
                    histogram is null ? 0 : LatencyStats.PercentileMilliseconds(histogram, 90),
                    histogram is null ? 0 : LatencyStats.PercentileMilliseconds(histogram, 99),
                    histogram is null ? 0 : LatencyStats.PercentileMilliseconds(histogram, 100),
                    tick?.Readings ?? []));
            }
        }
        return series;
    }

    private sealed record Tick(LongHistogram Histogram, IReadOnlyList<ResourceReading> Readings)
    {
        public Tick Merge(LongHistogram histogram, IReadOnlyList<ResourceReading> readings)
        {
            Histogram.Add(histogram);
            return this with { Readings = readings };
        }
    }
}
