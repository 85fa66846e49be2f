using Ceiba.Network.Ledger;

namespace Ceiba.Network.Orderer.Tests.Ledger;

public sealed class BlockSizedArrayPoolTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public void A_large_rental_is_sized_to_the_next_64_KiB_not_the_next_power_of_two()
    {
        // Arrange
        var pool = new BlockSizedArrayPool(maxArrays: 2, maxArrayLength: 4 * MiB);

        // Act
        var block = pool.Rent(1_153_434);
        var exact = pool.Rent(MiB);

        // Assert
        Assert.Equal(18 * BlockSizedArrayPool.Granularity, block.Length);
        Assert.Equal(MiB, exact.Length);
    }

    [Fact]
    public void A_returned_array_serves_the_next_rental_it_fits_and_the_smallest_fitting_one_is_chosen()
    {
        // Arrange
        var pool = new BlockSizedArrayPool(maxArrays: 2, maxArrayLength: 4 * MiB);
        var small = pool.Rent(MiB);
        var large = pool.Rent(2 * MiB);
        pool.Return(large);
        pool.Return(small);

        // Act
        var first = pool.Rent(900 * 1024);
        var second = pool.Rent(900 * 1024);

        // Assert
        Assert.Same(small, first);
        Assert.Same(large, second);
        Assert.Equal(0, pool.KeptCount);
    }

    [Fact]
    public void When_full_a_larger_returned_array_replaces_the_smallest_and_a_smaller_one_is_dropped()
    {
        // Arrange
        var pool = new BlockSizedArrayPool(maxArrays: 2, maxArrayLength: 4 * MiB);
        var one = pool.Rent(MiB);
        var two = pool.Rent(2 * MiB);
        var three = pool.Rent(3 * MiB);
        var tiny = pool.Rent(128 * 1024);
        pool.Return(one);
        pool.Return(two);

        // Act
        pool.Return(three);
        pool.Return(tiny);

        // Assert: the kept arrays are the 2 and 3 MiB ones
        Assert.Equal(2, pool.KeptCount);
        Assert.Same(two, pool.Rent(MiB));
        Assert.Same(three, pool.Rent(MiB));
        Assert.Equal(0, pool.KeptCount);
    }

    [Fact]
    public void Rentals_beyond_the_largest_kept_length_get_exact_fresh_arrays_that_are_not_kept()
    {
        // Arrange
        var pool = new BlockSizedArrayPool(maxArrays: 2, maxArrayLength: MiB);

        // Act
        var huge = pool.Rent(MiB + 1);
        pool.Return(huge);

        // Assert
        Assert.Equal(MiB + 1, huge.Length);
        Assert.Equal(0, pool.KeptCount);
    }

    [Fact]
    public void Small_rentals_use_the_shared_pool_and_clearing_on_return_zeroes_the_array()
    {
        // Arrange
        var pool = new BlockSizedArrayPool(maxArrays: 1, maxArrayLength: MiB);
        var array = pool.Rent(MiB);
        array.AsSpan().Fill(0xAB);

        // Act
        var small = pool.Rent(100);
        pool.Return(small);
        pool.Return(array, clearArray: true);
        var again = pool.Rent(MiB);

        // Assert
        Assert.True(small.Length is >= 100 and < BlockSizedArrayPool.Granularity);
        Assert.Same(array, again);
        Assert.All(again, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_negative_length_is_refused()
    {
        // Arrange
        var pool = new BlockSizedArrayPool(maxArrays: 1, maxArrayLength: MiB);

        // Act
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(-1));

        // Assert
        Assert.Equal("minimumLength", refused.ParamName);
    }
}
