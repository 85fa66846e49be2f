using Ceiba.LoadTests.Workloads;
using Ceiba.LoadTests.Workloads.Data;

namespace Ceiba.LoadTests.Tests.Workloads;

public sealed class IdAllocatorTests
{
    private sealed class FrozenTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Runs_started_in_the_same_instant_get_different_prefixes_and_disjoint_ids()
    {
        // Arrange
        var instant = new FrozenTime(new DateTimeOffset(2026, 11, 25, 0, 55, 0, TimeSpan.Zero));

        // Act
        var first = IdAllocator.ForNow(instant);
        var second = IdAllocator.ForNow(instant);
        var firstIds = Enumerable.Range(0, 1000).Select(_ => first.Next()).ToHashSet();
        var secondIds = Enumerable.Range(0, 1000).Select(_ => second.Next()).ToHashSet();

        // Assert
        Assert.NotEqual(first.RunPrefix, second.RunPrefix);
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Fact]
    public void The_prefix_counts_hundredths_of_a_second_so_runs_10_ms_apart_differ()
    {
        // Arrange
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // Act
        var early = IdAllocator.ForNow(new FrozenTime(start));
        var later = IdAllocator.ForNow(new FrozenTime(start.AddMilliseconds(10)));

        // Assert
        Assert.True(later.RunPrefix > early.RunPrefix);
        Assert.Equal(15_776_640_000, early.RunPrefix); // 1,826 days after 2025-01-01, in hundredths of a second
    }

    [Fact]
    public void A_prefix_out_of_range_is_refused_with_the_range()
    {
        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new IdAllocator(90_000_000_001));

        // Assert
        Assert.Contains("between 1 and 90,000,000,000", error.Message, StringComparison.Ordinal);
    }
}
