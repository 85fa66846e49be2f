using System.Text;
using System.Text.Json;

namespace Ceiba.Network.Topology.Json;

/// <summary>Shows JSON values in error messages: strings quoted and escaped, long values shortened.</summary>
internal static class JsonTokenText
{
    private const int MaxLength = 60;

    /// <summary><paramref name="text"/> as a JSON string literal, shortened if long.</summary>
    public static string Quote(string? text)
    {
        if (text is null)
        {
            return "null";
        }
        var builder = new StringBuilder("\"");
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.Append(text.Length > MaxLength ? "…\"" : "\"").ToString();
    }

    /// <summary>The current token of <paramref name="reader"/> as it would appear in the file (containers summarized).</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => Quote(reader.GetString()),
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => Shorten(Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray())),
    };

    /// <summary>An element as it would appear in the file (containers summarized).</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Quote(element.GetString()),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => element.GetArrayLength() == 0 ? "[]" : $"an array of {element.GetArrayLength()}",
        _ => Shorten(element.GetRawText()),
    };

    private static string Shorten(string raw) => raw.Length > MaxLength ? raw[..MaxLength] + "…" : raw;
}
