using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ceiba.Network.Topology.Json;

/// <summary>Reads and writes a <see cref="TimeSpan"/> as a Fabric duration string such as <c>"2s"</c>.</summary>
internal sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    private const string Expected = "a duration string such as \"2s\", \"500ms\" or \"1m\"";

    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonValueException(JsonTokenText.Describe(ref reader), Expected);
        }
        var text = reader.GetString()!;
        return DurationText.TryParse(text, out var duration)
            ? duration
            : throw new JsonValueException(JsonTokenText.Quote(text), Expected);
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(DurationText.Format(value));
    }
}
