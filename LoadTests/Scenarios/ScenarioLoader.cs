using System.Text.Json;

namespace Ceiba.LoadTests.Scenarios;

/// <summary>
/// Reads scenario files and checks them: a scenario comes back only when every rule holds; otherwise a
/// <see cref="ScenarioException"/> lists every bad field with its JSON path, its value and what was expected.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The folder next to the binary that shipped scenarios are copied to.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "scenarios");

    /// <summary>The names of the scenarios shipped next to the binary.</summary>
    public static IReadOnlyList<string> ShippedNames =>
        Directory.Exists(ShippedDirectory)
            ? Directory.EnumerateFiles(ShippedDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The file a scenario argument means: an existing path, or a shipped scenario's name.</summary>
    /// <exception cref="FileNotFoundException">Neither a file nor a shipped name.</exception>
    public static string Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        if (File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }
        var shipped = Path.Combine(ShippedDirectory, nameOrPath + ".json");
        if (nameOrPath.IndexOfAny(['/', '\\']) < 0 && File.Exists(shipped))
        {
            return shipped;
        }
        var names = ShippedNames;
        throw new FileNotFoundException(
            $"no scenario file or shipped scenario named \"{nameOrPath}\"; expected a path to a JSON file or one of: {(names.Count == 0 ? "(none shipped)" : string.Join(", ", names))}",
            nameOrPath);
    }

    /// <summary>Resolves, reads and validates a scenario.</summary>
    /// <exception cref="ScenarioException">The file breaks a rule.</exception>
    /// <exception cref="FileNotFoundException">There is no such file or shipped scenario.</exception>
    public static ScenarioDefinition Load(string nameOrPath)
    {
        var path = Resolve(nameOrPath);
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Parses and validates scenario JSON; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ScenarioException">The JSON is malformed, does not fit the model, or breaks a rule.</exception>
    public static ScenarioDefinition Parse(string json, string sourceName = "scenario.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ScenarioDefinition? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.ScenarioDefinition);
        }
        catch (JsonException error)
        {
            var line = error.LineNumber is { } l ? $" (line {l + 1})" : "";
            var (value, expectation) = Explain(error);
            throw new ScenarioException(sourceName, [new ScenarioError(error.Path ?? "$", value + line, expectation)]);
        }
        if (scenario is null)
        {
            throw new ScenarioException(sourceName, [new ScenarioError("$", "null", "a scenario object")]);
        }
        var errors = ScenarioValidator.Validate(scenario);
        return errors.Count == 0 ? scenario : throw new ScenarioException(sourceName, errors);
    }

    /// <summary>Turns a deserializer error into the value found and the expectation, without the reader's position suffix.</summary>
    internal static (string Value, string Expectation) Explain(JsonException error)
    {
        var message = error.Message;
        var position = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (position > 0)
        {
            message = message[..position];
        }
        message = message.TrimEnd('.');
        if (message.StartsWith("expected ", StringComparison.Ordinal) && message.IndexOf(", got ", StringComparison.Ordinal) is var got and > 0)
        {
            return (message[(got + 6)..], message[9..got]);
        }
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return ("an unknown field", "only the fields of the scenario model (see LoadTests/README.md)");
        }
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return (message, "every required field to be present");
        }
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return ("a value of the wrong type", ExpectedTypeAt(error.Path));
        }
        return (message, "valid JSON for the scenario model (see LoadTests/README.md)");
    }

    /// <summary>What a field holds, by its name (the last segment of the JSON path).</summary>
    private static string ExpectedTypeAt(string? path)
    {
        var field = path is null ? "" : path[(path.LastIndexOf('.') + 1)..];
        return field switch
        {
            "rate" or "rampTo" or "startRate" or "stepRate" or "maxRate" or "weight" or "minThroughput" or "maxErrorRate" => "a number",
            "users" or "maxTransactions" or "seed" or "commitThresholdPeers" => "a whole number",
            "name" or "description" or "topology" or "flow" => "a string",
            "target" => "\"gateway\" or \"http\"",
            "model" => "\"open\", \"closed\" or \"saturation\"",
            "load" or "saturation" or "thresholds" or "stages" => "an object",
            "phases" or "mix" => "an array",
            _ => "a value of the type the scenario model gives this field (see LoadTests/README.md)",
        };
    }
}
