using System.Text;
using System.Text.Json;

namespace Ceiba.Network.Topology.Json;

/// <summary>
/// Maps JSON paths (<c>$.orgs[0].peers[1].port</c>) to the 1-based line where each value starts, so that errors found
/// after deserialization can still point into the file.
/// </summary>
internal sealed class JsonLineIndex
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineIndex()
    {
    }

    /// <summary>Indexes <paramref name="json"/>; an empty index if it is not well-formed.</summary>
    public static JsonLineIndex Build(string json)
    {
        var index = new JsonLineIndex();
        var bytes = Encoding.UTF8.GetBytes(json);
        var newlines = new List<long>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }
        try
        {
            index.Walk(bytes, newlines);
        }
        catch (JsonException)
        {
            // Keep what was indexed before the syntax error.
        }
        return index;
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest ancestor present in the file; null if none.</summary>
    public int? LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }
        return null;
    }

    private void Walk(byte[] bytes, List<long> newlines)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        // Each frame: the container's path, and for arrays the next element index (-1 for objects).
        var stack = new Stack<(string Path, int NextIndex)>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingProperty = reader.GetString();
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }
            var path = ValuePath(stack, pendingProperty);
            pendingProperty = null;
            _lines.TryAdd(path, LineAt(newlines, reader.TokenStartIndex));
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                stack.Push((path, -1));
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                stack.Push((path, 0));
            }
        }
    }

    private static string ValuePath(Stack<(string Path, int NextIndex)> stack, string? property)
    {
        if (stack.Count == 0)
        {
            return "$";
        }
        var (parent, next) = stack.Pop();
        if (next >= 0)
        {
            stack.Push((parent, next + 1));
            return $"{parent}[{next}]";
        }
        stack.Push((parent, next));
        return $"{parent}.{property}";
    }

    private static int LineAt(List<long> newlines, long offset)
    {
        var found = newlines.BinarySearch(offset);
        return (found >= 0 ? found : ~found) + 1;
    }

    private static string Parent(string path)
    {
        var cut = path.LastIndexOfAny(['.', '[']);
        return cut <= 0 ? "" : path[..cut];
    }
}
