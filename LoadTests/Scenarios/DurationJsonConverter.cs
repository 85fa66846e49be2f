using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ceiba.LoadTests.Scenarios;

/// <summary>Reads and writes durations as <c>"250ms"</c>, <c>"30s"</c>, <c>"2m"</c> or <c>"1h"</c>.</summary>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected a duration string such as \"30s\", got {reader.TokenType}");
        }
        var text = reader.GetString()!;
        return TryParse(text, out var value)
            ? value
            : throw new JsonException($"expected a duration such as \"250ms\", \"30s\", \"2m\" or \"1h\", got \"{text}\"");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        (string unit, double scale)[] units = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (unit, scale) in units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal)
                && double.TryParse(text.AsSpan(0, text.Length - unit.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number >= 0 && double.IsFinite(number)
                && !(unit == "s" && text.EndsWith("ms", StringComparison.Ordinal)))
            {
                value = TimeSpan.FromMilliseconds(number * scale);
                return true;
            }
        }
        return false;
    }

    public static string Format(TimeSpan span) =>
        span.TotalMilliseconds % 1000 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds}ms");
}
