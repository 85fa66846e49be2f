using Bogus;

namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>
/// Deterministic random streams: the same seed, sequence number and stream always give the same numbers, whichever
/// thread asks and in whatever order, so a flow's data depends only on the scenario seed and its arrival number.
/// </summary>
internal static class SeededRandom
{
    /// <summary>A 32-bit seed mixed from the scenario seed, a sequence number and a stream (SplitMix64 finalizer).</summary>
    public static int Mix(int seed, long sequence, int stream)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)sequence * 0xBF58476D1CE4E5B9UL ^ (ulong)stream * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)z ^ (int)(z >> 32));
    }

    /// <summary>A uniform number in [0, 1) for one (seed, sequence, stream).</summary>
    public static double Unit(int seed, long sequence, int stream)
    {
        var bits = (uint)Mix(seed, sequence, stream);
        return bits / 4294967296.0;
    }

    /// <summary>A Bogus randomizer for one (seed, sequence, stream).</summary>
    public static Randomizer Randomizer(int seed, long sequence, int stream) => new(Mix(seed, sequence, stream));

    /// <summary>Picks an index by relative weight with <paramref name="unit"/> in [0, 1).</summary>
    public static int PickWeighted(ReadOnlySpan<double> cumulative, double unit)
    {
        var target = unit * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (target < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    /// <summary>Running sums of <paramref name="weights"/>, for <see cref="PickWeighted"/>.</summary>
    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return [.. weights.Select(w => sum += w)];
    }
}
