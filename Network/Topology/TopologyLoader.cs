using System.Text.Json;
using Ceiba.Network.Topology.Json;
using Ceiba.Network.Topology.Validation;

namespace Ceiba.Network.Topology;

/// <summary>
/// Reads topology files and checks them: a topology comes back only when every rule holds; otherwise a
/// <see cref="TopologyException"/> lists every problem with its JSON path, value and expectation.
/// </summary>
public static class TopologyLoader
{
    /// <summary>Reads and validates the topology file at <paramref name="path"/>.</summary>
    /// <exception cref="TopologyException">The file is not valid JSON for the model, or breaks a rule.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static NetworkTopology Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), System.IO.Path.GetFileName(path));
    }

    /// <summary>
    /// Loads a built-in topology by name (<c>seed</c>, <c>cuba-3</c>, <c>cuba-national</c>) or else the file at
    /// <paramref name="nameOrPath"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">It is neither a built-in name nor an existing file.</exception>
    public static NetworkTopology LoadByNameOrPath(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        if (File.Exists(nameOrPath))
        {
            return Load(nameOrPath);
        }
        if (BuiltInTopologies.Names.Contains(nameOrPath, StringComparer.OrdinalIgnoreCase))
        {
            return Load(BuiltInTopologies.GetPath(nameOrPath));
        }
        throw new FileNotFoundException(
            $"No topology file \"{nameOrPath}\"; give a path to a JSON file or a built-in name: {string.Join(", ", BuiltInTopologies.Names)}.",
            nameOrPath);
    }

    /// <summary>Reads and validates topology JSON; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="TopologyException">The JSON is not valid for the model, or breaks a rule.</exception>
    public static NetworkTopology Parse(string json, string sourceName = "topology.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var lines = JsonLineIndex.Build(json);
        NetworkTopology? topology;
        try
        {
            topology = JsonSerializer.Deserialize(json, TopologyJsonContext.Default.NetworkTopology);
        }
        catch (JsonException e)
        {
            // The reader's line is exact for malformed text; otherwise the value's own line (a missing property's
            // object, rather than where the reader noticed) reads better.
            var readerLine = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var syntax = JsonErrorTranslator.IsSyntaxError(e);
            var jsonErrors = JsonErrorTranslator.Translate(e, json)
                .Select(i => ToError(sourceName, i, syntax ? readerLine : lines.LineOf(i.Path) ?? readerLine));
            throw new TopologyException(sourceName, [.. jsonErrors]);
        }
        if (topology is null)
        {
            throw new TopologyException(sourceName, [new TopologyError(sourceName, "$", "null", "a topology object", 1)]);
        }
        var issues = TopologyValidator.Validate(topology);
        if (issues.Count > 0)
        {
            var errors = issues.Select(i => ToError(sourceName, i, lines.LineOf(i.Path))).OrderBy(e => e.Line ?? int.MaxValue);
            throw new TopologyException(sourceName, [.. errors]);
        }
        return topology;
    }

    /// <summary>
    /// Every rule <paramref name="topology"/> breaks, e.g. for a topology built in code; empty when it is valid.
    /// Lines are unknown, as there is no file.
    /// </summary>
    public static IReadOnlyList<TopologyError> Validate(NetworkTopology topology, string sourceName = "topology")
    {
        ArgumentNullException.ThrowIfNull(topology);
        return [.. TopologyValidator.Validate(topology).Select(i => ToError(sourceName, i, null))];
    }

    /// <summary>Writes <paramref name="topology"/> as indented camelCase JSON that <see cref="Parse"/> reads back.</summary>
    public static string Serialize(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return JsonSerializer.Serialize(topology, TopologyJsonContext.Default.NetworkTopology);
    }

    private static TopologyError ToError(string source, ValidationIssue issue, int? line) =>
        new(source, issue.Path, issue.Value, issue.Expected, line);
}
