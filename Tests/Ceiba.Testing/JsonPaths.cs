using System.Text.Json.Nodes;

namespace Ceiba.Testing;

/// <summary>Terse reads from the toObject() JSON that the Node bindings print.</summary>
public static class JsonPaths
{
    /// <summary>Follows a dotted path; numeric segments index arrays.</summary>
    public static JsonNode At(this JsonNode node, string path)
    {
        var current = node;
        foreach (var segment in path.Split('.'))
        {
            current = current switch
            {
                JsonArray array when int.TryParse(segment, out var index) => array[index],
                JsonObject obj => obj[segment],
                _ => null,
            } ?? throw new KeyNotFoundException($"No '{segment}' in path '{path}' of {node.ToJsonString()}");
        }
        return current;
    }

    public static string Str(this JsonNode node, string path) => node.At(path).GetValue<string>();

    public static long Long(this JsonNode node, string path) => node.At(path).GetValue<long>();

    public static bool Bool(this JsonNode node, string path) => node.At(path).GetValue<bool>();

    /// <summary>A bytes field, which toObject() renders as base64.</summary>
    public static byte[] Bytes(this JsonNode node, string path) => Convert.FromBase64String(node.Str(path));

    public static string Utf8(this JsonNode node, string path) => System.Text.Encoding.UTF8.GetString(node.Bytes(path));

    public static int Count(this JsonNode node, string path) => node.At(path) switch
    {
        JsonArray array => array.Count,
        JsonObject obj => obj.Count,
        var other => throw new InvalidOperationException($"'{path}' is {other.ToJsonString()}, not a list or map"),
    };
}
