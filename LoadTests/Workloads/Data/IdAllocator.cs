namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>
/// Hands out record ids that are unique across a run and across runs against the same ledger, since the chaincode
/// answers 409 for an id that exists: <c>run prefix × 10⁹ + sequence</c>. The prefix is the run's start in seconds
/// since 2025-01-01 UTC, so two runs collide only if they start in the same second.
/// </summary>
/// <param name="runPrefix">The run's prefix, 1 to 9,000,000,000.</param>
internal sealed class IdAllocator(long runPrefix)
{
    private const long PerRun = 1_000_000_000;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _next;

    /// <summary>The prefix every id of this run starts with.</summary>
    public long RunPrefix { get; } = runPrefix is > 0 and <= 9_000_000_000
        ? runPrefix
        : throw new ArgumentOutOfRangeException(nameof(runPrefix), runPrefix, "The run prefix must be between 1 and 9,000,000,000.");

    /// <summary>An allocator whose prefix is the current time (seconds since 2025-01-01 UTC).</summary>
    public static IdAllocator ForNow(TimeProvider? time = null) =>
        new(Math.Max(1, (long)((time ?? TimeProvider.System).GetUtcNow() - Epoch).TotalSeconds));

    /// <summary>The next id of this run.</summary>
    /// <exception cref="InvalidOperationException">The run used up its 10⁹ ids.</exception>
    public long Next()
    {
        var sequence = Interlocked.Increment(ref _next);
        return sequence < PerRun
            ? RunPrefix * PerRun + sequence
            : throw new InvalidOperationException($"Run {RunPrefix} used all of its {PerRun} record ids.");
    }
}
