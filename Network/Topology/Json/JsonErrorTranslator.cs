using System.Text.Json;
using System.Text.RegularExpressions;
using Ceiba.Network.Topology.Validation;

namespace Ceiba.Network.Topology.Json;

/// <summary>
/// Turns a System.Text.Json failure into the same path / value / expectation form as a validation error,
/// naming the JSON path, what the file has there and what the model expects.
/// </summary>
internal static partial class JsonErrorTranslator
{
    /// <summary>The issues <paramref name="exception"/> stands for, found while reading <paramref name="json"/>.</summary>
    public static IReadOnlyList<ValidationIssue> Translate(JsonException exception, string json)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path ?? "$";
        var message = exception.Message;

        if (exception is JsonValueException value)
        {
            return [new ValidationIssue(path, value.Value, value.Expected)];
        }
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return [.. Quoted().Matches(missing.Groups["names"].Value).Select(m =>
            {
                var property = $"{path}.{m.Groups[1].Value}";
                return new ValidationIssue(property, "(missing)", $"{JsonModelShape.Describe(JsonModelShape.TypeAt(property))} (required)");
            })];
        }
        if (Unmapped().Match(message) is { Success: true })
        {
            var parent = Parent(path);
            var known = string.Join(", ", JsonModelShape.PropertiesAt(parent));
            return [new ValidationIssue(path, "an unknown property", $"one of the properties of {parent}: {known}")];
        }
        if (IsSyntaxError(exception))
        {
            var column = exception.BytePositionInLine is { } b ? $" at column {b + 1}" : "";
            return [new ValidationIssue(path, $"malformed JSON{column}", $"valid JSON ({StripPosition(exception.InnerException!.Message)})")];
        }
        var found = ValueAt(json, path);
        return [new ValidationIssue(path, found, JsonModelShape.Describe(JsonModelShape.TypeAt(path)))];
    }

    /// <summary>Whether the text is not well-formed JSON (rather than JSON the model cannot take).</summary>
    public static bool IsSyntaxError(JsonException exception) =>
        exception.InnerException?.GetType().Name == "JsonReaderException";

    /// <summary>The value at <paramref name="path"/> as written in <paramref name="json"/>, or a placeholder.</summary>
    private static string ValueAt(string json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var element = document.RootElement;
            foreach (Match segment in PathSegment().Matches(path))
            {
                if (segment.Groups["index"].Success)
                {
                    var index = int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                    {
                        return "(unreadable value)";
                    }
                    element = element[index];
                }
                else
                {
                    var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                    {
                        return "(unreadable value)";
                    }
                }
            }
            return JsonTokenText.Describe(element);
        }
        catch (JsonException)
        {
            return "(unreadable value)";
        }
    }

    private static string Parent(string path)
    {
        var cut = path.LastIndexOfAny(['.', '[']);
        return cut <= 0 ? "$" : path[..cut];
    }

    private static string StripPosition(string message) => Position().Replace(message, "").Trim();

    [GeneratedRegex("missing required properties including: (?<names>.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex("^The JSON property '.*' could not be mapped to any .NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"\s*(Path: .*?\| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
