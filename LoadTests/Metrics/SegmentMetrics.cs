namespace Ceiba.LoadTests.Metrics;

/// <summary>
/// The part of a run that began at <see cref="StartTimestamp"/>: an open-model phase, a saturation step, or the
/// whole measured window of a closed run. Transactions belong to the segment their intended start falls in.
/// </summary>
public sealed class SegmentMetrics(int index, string name, long startTimestamp, double? offeredRate)
{
    private long started;
    private long completed;
    private long succeeded;
    private long failed;

    public int Index { get; } = index;

    public string Name { get; } = name;

    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>The arrivals per second the schedule offered, for open-model segments.</summary>
    public double? OfferedRate { get; } = offeredRate;

    /// <summary>When the segment's arrivals stopped; set by the engine.</summary>
    public long? EndTimestamp { get; internal set; }

    public LatencyHistogram EndToEnd { get; } = new();

    public long Started => Volatile.Read(ref started);

    public long Completed => Volatile.Read(ref completed);

    public long Succeeded => Volatile.Read(ref succeeded);

    public long Failed => Volatile.Read(ref failed);

    /// <summary>The share of completed transactions that failed (0–1).</summary>
    public double ErrorRate => Completed == 0 ? 0 : (double)Failed / Completed;

    internal void CountStarted() => Interlocked.Increment(ref started);

    internal void CountCompleted(bool success)
    {
        Interlocked.Increment(ref completed);
        Interlocked.Increment(ref success ? ref succeeded : ref failed);
    }
}
