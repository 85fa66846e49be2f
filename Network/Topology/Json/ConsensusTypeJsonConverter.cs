using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ceiba.Network.Topology.Json;

/// <summary>Reads and writes <see cref="ConsensusType"/> as <c>"raft"</c> or <c>"solo"</c> (case-insensitive on read).</summary>
internal sealed class ConsensusTypeJsonConverter : JsonConverter<ConsensusType>
{
    private const string Expected = "\"raft\" or \"solo\"";

    public override ConsensusType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonValueException(JsonTokenText.Describe(ref reader), Expected);
        }
        var text = reader.GetString()!;
        return text.ToLowerInvariant() switch
        {
            "raft" or "etcdraft" => ConsensusType.Raft,
            "solo" => ConsensusType.Solo,
            _ => throw new JsonValueException(JsonTokenText.Quote(text), Expected),
        };
    }

    public override void Write(Utf8JsonWriter writer, ConsensusType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString().ToLowerInvariant());
    }
}
