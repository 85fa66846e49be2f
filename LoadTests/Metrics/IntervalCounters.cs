using System.Diagnostics;

namespace Ceiba.LoadTests.Metrics;

/// <summary>
/// Per-second counters of one run, bucketed by the timestamp of the event itself (not by when it was reported),
/// so a transaction counts in the second it was started or finished. Lock-free: buckets live in chunks that are
/// created on first use.
/// </summary>
internal sealed class IntervalCounters(long originTimestamp)
{
    private const int ChunkSeconds = 1024;
    private const int MaxChunks = 256; // about 72 hours; later events fold into the last second

    private readonly Chunk?[] chunks = new Chunk?[MaxChunks];
    private int highestSecond = -1;

    public long OriginTimestamp { get; } = originTimestamp;

    /// <summary>The number of seconds that have at least one event, counted from the origin.</summary>
    public int Length => Volatile.Read(ref highestSecond) + 1;

    public void Add(long timestamp, IntervalField field)
    {
        var second = SecondOf(timestamp);
        if (second < 0)
        {
            return;
        }
        var chunk = GetChunk(second / ChunkSeconds);
        Interlocked.Increment(ref chunk.Counts[(second % ChunkSeconds * FieldCount) + (int)field]);
        var seen = Volatile.Read(ref highestSecond);
        while (second > seen)
        {
            var previous = Interlocked.CompareExchange(ref highestSecond, second, seen);
            if (previous == seen)
            {
                break;
            }
            seen = previous;
        }
    }

    public long Get(int second, IntervalField field)
    {
        var chunk = chunks[second / ChunkSeconds];
        return chunk is null ? 0 : Volatile.Read(ref chunk.Counts[(second % ChunkSeconds * FieldCount) + (int)field]);
    }

    private static readonly int FieldCount = Enum.GetValues<IntervalField>().Length;

    private int SecondOf(long timestamp)
    {
        if (timestamp < OriginTimestamp)
        {
            return -1;
        }
        var seconds = (timestamp - OriginTimestamp) / Stopwatch.Frequency;
        return (int)Math.Min(seconds, (ChunkSeconds * MaxChunks) - 1);
    }

    private Chunk GetChunk(int index)
    {
        var chunk = Volatile.Read(ref chunks[index]);
        if (chunk is not null)
        {
            return chunk;
        }
        Interlocked.CompareExchange(ref chunks[index], new Chunk(ChunkSeconds * FieldCount), null);
        return chunks[index]!;
    }

    private sealed class Chunk(int length)
    {
        public readonly long[] Counts = new long[length];
    }
}

/// <summary>What <see cref="IntervalCounters"/> counts per second.</summary>
internal enum IntervalField
{
    /// <summary>Transactions started in that second (the send rate).</summary>
    Started,

    /// <summary>Transactions whose outcome was known in that second.</summary>
    Completed,

    /// <summary>Completed successfully: a VALID commit or an answered read (the goodput).</summary>
    Succeeded,

    /// <summary>Writes committed VALID in that second.</summary>
    SucceededWrites,

    /// <summary>Completed with any failure.</summary>
    Failed,

    /// <summary>Flows the schedule meant to start in that second.</summary>
    ArrivalsScheduled,
}
