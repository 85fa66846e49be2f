namespace Ceiba.Network.Topology.Tests;

public class DurationTextTests
{
    public static TheoryData<string, long> Valid => new()
    {
        { "2s", 2 * TimeSpan.TicksPerSecond },
        { "500ms", 500 * TimeSpan.TicksPerMillisecond },
        { "1m", TimeSpan.TicksPerMinute },
        { "1h30m", 90 * TimeSpan.TicksPerMinute },
        { "1.5s", 1500 * TimeSpan.TicksPerMillisecond },
        { ".5s", 500 * TimeSpan.TicksPerMillisecond },
        { "250us", 2500 },
        { "250µs", 2500 },
        { "100ns", 1 },
        { "0", 0 },
        { "0s", 0 },
        { "-1s", -TimeSpan.TicksPerSecond },
        { "+3ms", 3 * TimeSpan.TicksPerMillisecond },
    };

    public static TheoryData<string> Invalid => new() { "", "2", "s", "2 s", "1.2.3s", "2S", "2sec", "+", "-", "abc", "1d", "s2" };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_go_durations(string text, long ticks)
    {
        // Arrange: the text from the table.

        // Act
        var ok = DurationText.TryParse(text, out var duration);

        // Assert
        Assert.True(ok);
        Assert.Equal(TimeSpan.FromTicks(ticks), duration);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_text_that_go_would_reject(string text)
    {
        // Arrange: the text from the table.

        // Act
        var ok = DurationText.TryParse(text, out _);

        // Assert
        Assert.False(ok);
        Assert.Throws<FormatException>(() => DurationText.Parse(text));
    }

    [Theory]
    [InlineData(2000, "2s")]
    [InlineData(500, "500ms")]
    [InlineData(60_000, "1m")]
    [InlineData(90_000, "90s")]
    [InlineData(3_600_000, "1h")]
    [InlineData(0, "0s")]
    [InlineData(-1500, "-1500ms")]
    public void Formats_in_the_largest_exact_unit(int milliseconds, string expected)
    {
        // Arrange
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        // Act
        var text = DurationText.Format(duration);

        // Assert
        Assert.Equal(expected, text);
        Assert.Equal(duration, DurationText.Parse(text));
    }
}
