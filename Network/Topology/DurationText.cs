using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ceiba.Network.Topology;

/// <summary>
/// Durations as Fabric writes them, in Go's <c>time.ParseDuration</c> syntax: <c>"2s"</c>, <c>"500ms"</c>, <c>"1m"</c>,
/// <c>"1h30m"</c>, <c>"1.5s"</c>; units ns, us (or µs), ms, s, m, h; an optional sign; a bare <c>"0"</c>.
/// </summary>
public static class DurationText
{
    private static readonly (string Unit, long Ticks)[] Units =
    [
        ("ns", 0), // handled separately: 100 ns per tick
        ("us", 10),
        ("µs", 10), // U+00B5 micro sign
        ("μs", 10), // U+03BC Greek mu
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> when it is not a Go duration.</summary>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"\"{text}\" is not a duration such as \"2s\", \"500ms\" or \"1m\".");
    }

    /// <summary>Parses <paramref name="text"/>; false when it is not a Go duration or overflows <see cref="TimeSpan"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var s = text.AsSpan();
        var negative = s[0] == '-';
        if (s[0] is '-' or '+')
        {
            s = s[1..];
        }
        if (s is "0")
        {
            return true;
        }
        if (s.IsEmpty)
        {
            return false;
        }
        decimal ticks = 0;
        while (!s.IsEmpty)
        {
            var numberLength = s.IndexOfAnyExcept("0123456789.");
            if (numberLength <= 0 || !TryParseNumber(s[..numberLength], out var number))
            {
                return false;
            }
            s = s[numberLength..];
            var unitLength = s.IndexOfAny("0123456789.");
            var unit = unitLength < 0 ? s : s[..unitLength];
            if (!TryUnitTicks(unit, out var perUnit))
            {
                return false;
            }
            s = s[unit.Length..];
            ticks += number * perUnit;
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }
        }
        var whole = (long)decimal.Truncate(ticks);
        duration = TimeSpan.FromTicks(negative ? -whole : whole);
        return true;
    }

    /// <summary>
    /// Writes <paramref name="duration"/> in the largest unit that divides it exactly: <c>"2s"</c>, <c>"500ms"</c>, <c>"90s"</c>,
    /// <c>"1m"</c>, <c>"250us"</c>; <c>"0s"</c> for zero.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }
        if (duration < TimeSpan.Zero)
        {
            return "-" + Format(duration.Duration());
        }
        var ticks = duration.Ticks;
        foreach (var (unit, perUnit) in new[] { ("h", TimeSpan.TicksPerHour), ("m", TimeSpan.TicksPerMinute), ("s", TimeSpan.TicksPerSecond), ("ms", TimeSpan.TicksPerMillisecond), ("us", 10L) })
        {
            if (ticks % perUnit == 0)
            {
                return (ticks / perUnit).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }
        return (ticks * 100).ToString(CultureInfo.InvariantCulture) + "ns";
    }

    private static bool TryParseNumber(ReadOnlySpan<char> s, out decimal number)
    {
        number = 0;
        var dot = s.IndexOf('.');
        if (s is "." || (dot >= 0 && s[(dot + 1)..].Contains('.')))
        {
            return false;
        }
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static bool TryUnitTicks(ReadOnlySpan<char> unit, out decimal ticks)
    {
        foreach (var (name, perUnit) in Units)
        {
            if (unit.SequenceEqual(name))
            {
                ticks = perUnit == 0 ? 0.01m : perUnit;
                return true;
            }
        }
        ticks = 0;
        return false;
    }
}
