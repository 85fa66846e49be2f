using System.Collections.Concurrent;
using System.Diagnostics;
using Ceiba.LoadTests.Engine;
using HdrHistogram;

namespace Ceiba.LoadTests.Metrics;

/// <summary>
/// Collects every measurement of a run: latency histograms per stage, per transaction type and per province,
/// failures by kind, per-second counters and the schedule lag. Samples whose intended start falls before the
/// first segment (the warm-up) are dropped. Thread-safe: histograms take a short uncontended lock each, counters
/// are interlocked, and the interval histogram is an HdrHistogram <see cref="Recorder"/>.
/// </summary>
public sealed partial class MetricsRecorder : IMetricsSink
{
    private const int MaxDistinctErrors = 20;

    private readonly ConcurrentDictionary<(string Stage, string Type), LatencyHistogram> byType = new();
    private readonly ConcurrentDictionary<(string Stage, string Province), LatencyHistogram> byProvince = new();
    private readonly ConcurrentDictionary<string, TypeCounters> typeCounters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> errorMessages = new(StringComparer.Ordinal);
    private readonly long[] failures = new long[Enum.GetValues<FailureKind>().Length];
    private readonly Recorder intervalEndToEnd = new(1, LatencyHistogram.HighestTrackableMicroseconds, LatencyHistogram.SignificantDigits, (id, low, high, digits) => new LongHistogram(id, low, high, digits));
    private readonly LatencyHistogram scheduleLag = new();
    private volatile SegmentMetrics[] segments = [];
    private IntervalCounters? counters;
    private long warmupSamples;

    /// <summary>Transactions dropped because they were meant to start during the warm-up.</summary>
    public long WarmupSamples => Volatile.Read(ref warmupSamples);

    /// <summary>The stage names that have at least one recorded value.</summary>
    public IEnumerable<string> Stages => byType.Keys.Select(key => key.Stage).Distinct(StringComparer.Ordinal);

    /// <summary>The segments begun so far, in order.</summary>
    public IReadOnlyList<SegmentMetrics> Segments => segments;

    /// <summary>When measuring began (the first segment's start), or null during warm-up.</summary>
    public long? MeasurementStartTimestamp => counters?.OriginTimestamp;

    /// <summary>Per-second counters; null until measuring begins.</summary>
    internal IntervalCounters? Counters => counters;

    /// <summary>
    /// Starts a new segment at <paramref name="startTimestamp"/>; the first one ends the warm-up. Segments must
    /// begin in time order.
    /// </summary>
    public SegmentMetrics BeginSegment(string name, long startTimestamp, double? offeredRate = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (failures)
        {
            var current = segments;
            if (current.Length > 0 && current[^1].StartTimestamp > startTimestamp)
            {
                throw new ArgumentOutOfRangeException(nameof(startTimestamp), "segments must begin in time order");
            }
            counters ??= new IntervalCounters(startTimestamp);
            var segment = new SegmentMetrics(current.Length, name, startTimestamp, offeredRate);
            segments = [.. current, segment];
            return segment;
        }
    }

    /// <summary>Marks the end of a segment's arrivals (the engine calls it when the segment's schedule ends).</summary>
    public static void EndSegment(SegmentMetrics segment, long endTimestamp)
    {
        ArgumentNullException.ThrowIfNull(segment);
        segment.EndTimestamp = endTimestamp;
    }

    /// <inheritdoc />
    public void Record(in TransactionSample sample)
    {
        var segment = SegmentOf(sample.IntendedTimestamp);
        if (segment is null)
        {
            Interlocked.Increment(ref warmupSamples);
            return;
        }
        var success = sample.Failure == FailureKind.None;
        var endToEnd = LatencyHistogram.ToMicroseconds(Stopwatch.GetElapsedTime(sample.IntendedTimestamp, sample.EndTimestamp));
        RecordMicroseconds(StageNames.EndToEnd, sample.Type, sample.Province, endToEnd);
        if (sample.Endorse is { } endorse)
        {
            RecordMicroseconds(StageNames.Endorse, sample.Type, sample.Province, LatencyHistogram.ToMicroseconds(endorse));
        }
        if (sample.Submit is { } submit)
        {
            RecordMicroseconds(StageNames.Submit, sample.Type, sample.Province, LatencyHistogram.ToMicroseconds(submit));
        }
        if (sample.Commit is { } commit)
        {
            RecordMicroseconds(StageNames.Commit, sample.Type, sample.Province, LatencyHistogram.ToMicroseconds(commit));
        }
        intervalEndToEnd.RecordValue(endToEnd);
        LoadTestsMeter.Record(sample, endToEnd);
        segment.EndToEnd.RecordMicroseconds(endToEnd);
        segment.CountStarted();
        segment.CountCompleted(success);
        Interlocked.Increment(ref failures[(int)sample.Failure]);
        typeCounters.GetOrAdd(sample.Type, static _ => new TypeCounters()).Count(sample.IsWrite, success);
        var series = counters!;
        series.Add(sample.StartTimestamp, IntervalField.Started);
        series.Add(sample.EndTimestamp, IntervalField.Completed);
        series.Add(sample.EndTimestamp, success ? IntervalField.Succeeded : IntervalField.Failed);
        if (success && sample.IsWrite)
        {
            series.Add(sample.EndTimestamp, IntervalField.SucceededWrites);
        }
        if (!success)
        {
            NoteError(sample.Failure, sample.Error);
        }
    }

    /// <inheritdoc />
    public void RecordStage(string stage, string type, string province, long intendedTimestamp, TimeSpan latency)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        if (SegmentOf(intendedTimestamp) is null)
        {
            return;
        }
        RecordMicroseconds(stage, type, province, LatencyHistogram.ToMicroseconds(latency));
    }

    /// <summary>Records when an arrival actually started against when the schedule meant it to (warm-up excluded).</summary>
    public void RecordScheduleLag(long intendedTimestamp, long actualStartTimestamp)
    {
        if (SegmentOf(intendedTimestamp) is null)
        {
            return;
        }
        var lag = Math.Max(0, actualStartTimestamp - intendedTimestamp);
        scheduleLag.Record(Stopwatch.GetElapsedTime(0, lag));
        counters!.Add(intendedTimestamp, IntervalField.ArrivalsScheduled);
    }

    /// <summary>The end-to-end latencies recorded since the previous call (for the per-second series).</summary>
    public LongHistogram TakeIntervalEndToEnd() => (LongHistogram)intervalEndToEnd.GetIntervalHistogram();

    /// <summary>
    /// The segment that an intended start belongs to, or null for arrivals that are not measured: the warm-up, and
    /// arrivals after an ended segment and before the next one begins (a saturation step's cool-down).
    /// </summary>
    public SegmentMetrics? SegmentOf(long intendedTimestamp)
    {
        var current = segments;
        for (var i = current.Length - 1; i >= 0; i--)
        {
            if (current[i].StartTimestamp <= intendedTimestamp)
            {
                return current[i].EndTimestamp is { } end && intendedTimestamp >= end ? null : current[i];
            }
        }
        return null;
    }

    private void RecordMicroseconds(string stage, string type, string province, long microseconds)
    {
        byType.GetOrAdd((stage, type), static _ => new LatencyHistogram()).RecordMicroseconds(microseconds);
        byProvince.GetOrAdd((stage, province), static _ => new LatencyHistogram()).RecordMicroseconds(microseconds);
    }

    private void NoteError(FailureKind kind, string? error)
    {
        // Transaction ids make every message distinct; without them, messages of one cause group together.
        var message = error is null ? "(no message)" : TransactionIdPattern().Replace(error, "<txid>");
        var key = $"{kind}: {message}";
        if (errorMessages.Count < MaxDistinctErrors || errorMessages.ContainsKey(key))
        {
            errorMessages.AddOrUpdate(key, 1, static (_, count) => count + 1);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{64}")]
    private static partial System.Text.RegularExpressions.Regex TransactionIdPattern();
}
