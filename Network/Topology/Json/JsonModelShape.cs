using System.Text.Json.Serialization.Metadata;

namespace Ceiba.Network.Topology.Json;

/// <summary>Answers "what does the model expect at this JSON path?" from the source-generated metadata.</summary>
internal static class JsonModelShape
{
    /// <summary>The declared type at <paramref name="path"/>, or null when the path leaves the model.</summary>
    public static Type? TypeAt(string path)
    {
        var type = typeof(NetworkTopology);
        foreach (var segment in Segments(path))
        {
            var next = segment.StartsWith('[') ? ElementType(type) : PropertyOf(type, segment)?.PropertyType;
            if (next is null)
            {
                return null;
            }
            type = next;
        }
        return type;
    }

    /// <summary>The JSON property names of the object type at <paramref name="path"/>; empty when it is not an object.</summary>
    public static IReadOnlyList<string> PropertiesAt(string path)
    {
        var type = TypeAt(path);
        var info = type is null ? null : TopologyJsonContext.Default.GetTypeInfo(type);
        return info?.Kind == JsonTypeInfoKind.Object ? [.. info.Properties.Select(p => p.Name)] : [];
    }

    /// <summary>What a value of <paramref name="type"/> looks like, in words, e.g. "an integer".</summary>
    public static string Describe(Type? type)
    {
        var underlying = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            null => "a value the model knows",
            _ when underlying == typeof(int) || underlying == typeof(long) => "an integer",
            _ when underlying == typeof(double) => "a number",
            _ when underlying == typeof(string) => "a string",
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(TimeSpan) => "a duration string such as \"2s\", \"500ms\" or \"1m\"",
            _ when underlying == typeof(ConsensusType) => "\"raft\" or \"solo\"",
            _ when ElementType(underlying) is { } element => element == typeof(string) ? "an array of strings" : "an array of objects",
            _ => $"an object ({underlying.Name})",
        };
    }

    private static JsonPropertyInfo? PropertyOf(Type type, string jsonName)
    {
        var info = TopologyJsonContext.Default.GetTypeInfo(type);
        return info?.Kind == JsonTypeInfoKind.Object
            ? info.Properties.FirstOrDefault(p => p.Name == jsonName)
            : null;
    }

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>Splits <c>$.a.b[0]['c d']</c> into <c>a</c>, <c>b</c>, <c>[0]</c>, <c>c d</c>.</summary>
    private static IEnumerable<string> Segments(string path)
    {
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                yield return path[(i + 1)..end];
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                yield return path[(i + 2)..end];
                i = Math.Min(end + 2, path.Length);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length - 1 : end;
                yield return path[i..(end + 1)];
                i = end + 1;
            }
            else
            {
                yield break;
            }
        }
    }
}
