using System.Text.Json;

namespace Ceiba.Network.Topology.Json;

/// <summary>A JSON value of the right JSON kind but not a value the model accepts; carries what was expected.</summary>
/// <remarks>System.Text.Json fills in <see cref="JsonException.Path"/> and the line when it passes through the serializer.</remarks>
internal sealed class JsonValueException(string value, string expected)
    : JsonException($"{value} — expected {expected}")
{
    /// <summary>The offending value as written in the file (strings quoted).</summary>
    public string Value { get; } = value;

    /// <summary>What the model expected.</summary>
    public string Expected { get; } = expected;
}
