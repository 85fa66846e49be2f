namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>
/// Hands out record ids that are unique across a run and across runs against the same ledger, since the chaincode
/// answers 409 for an id that exists: <c>run prefix × 10⁸ + sequence</c>. The prefix is the run's start in
/// hundredths of a second since 2025-01-01 UTC, and runs in one process never share a prefix, so two runs collide
/// only if two processes start them in the same 10 ms. (Seconds were too coarse: a test's second workload on the
/// same ledger started in the same second as the first.)
/// </summary>
/// <param name="runPrefix">The run's prefix, 1 to 90,000,000,000.</param>
internal sealed class IdAllocator(long runPrefix)
{
    private const long PerRun = 100_000_000;
    private const long MaxPrefix = 90_000_000_000;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static long _lastPrefix;
    private long _next;

    /// <summary>The prefix every id of this run starts with.</summary>
    public long RunPrefix { get; } = runPrefix is > 0 and <= MaxPrefix
        ? runPrefix
        : throw new ArgumentOutOfRangeException(nameof(runPrefix), runPrefix, "The run prefix must be between 1 and 90,000,000,000.");

    /// <summary>An allocator whose prefix is the current time (hundredths of a second since 2025-01-01 UTC), after every earlier one of this process.</summary>
    public static IdAllocator ForNow(TimeProvider? time = null)
    {
        var now = Math.Max(1, (long)(((time ?? TimeProvider.System).GetUtcNow() - Epoch).TotalMilliseconds / 10));
        long last, prefix;
        do
        {
            last = Interlocked.Read(ref _lastPrefix);
            prefix = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastPrefix, prefix, last) != last);
        return new IdAllocator(prefix);
    }

    /// <summary>The next id of this run.</summary>
    /// <exception cref="InvalidOperationException">The run used up its 10⁸ ids.</exception>
    public long Next()
    {
        var sequence = Interlocked.Increment(ref _next);
        return sequence < PerRun
            ? RunPrefix * PerRun + sequence
            : throw new InvalidOperationException($"Run {RunPrefix} used all of its {PerRun} record ids.");
    }
}
