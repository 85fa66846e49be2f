namespace Ceiba.AppHost.Hosting;

/// <summary>
/// Turns the AppHost's command-line options into configuration keys under <see cref="HarnessOptions.Section"/>, so
/// <c>--topology seed</c> and <c>Ceiba__AppHost__Topology=seed</c> mean the same, and the bare switch
/// <c>--exit-on-completion</c> does not swallow the next argument (the .NET command-line provider would).
/// </summary>
public static class HarnessArguments
{
    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--topology"] = nameof(HarnessOptions.Topology),
        ["--runtime"] = nameof(HarnessOptions.Runtime),
        ["--scenario"] = nameof(HarnessOptions.Scenario),
        ["--network-dir"] = nameof(HarnessOptions.NetworkDirectory),
        ["--reports-dir"] = nameof(HarnessOptions.ReportsDirectory),
        ["--trace-sample-ratio"] = nameof(HarnessOptions.TraceSampleRatio),
    };

    /// <summary>Switches: bare means true; a following true or false is their value.</summary>
    private static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--exit-on-completion"] = nameof(HarnessOptions.ExitOnCompletion),
        ["--fresh-ledger"] = nameof(HarnessOptions.FreshLedger),
    };

    /// <summary>Rewrites the harness options in <paramref name="args"/>; every other argument passes through unchanged.</summary>
    /// <exception cref="HarnessOptionsException">An option that needs a value is last.</exception>
    public static string[] Normalize(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            if (Switches.TryGetValue(name, out var switchKey))
            {
                var value = inlineValue;
                if (value is null && i + 1 < args.Count && bool.TryParse(args[i + 1], out _))
                {
                    value = args[++i];
                }
                result.Add($"--{HarnessOptions.Section}:{switchKey}={value ?? "true"}");
            }
            else if (ValueOptions.TryGetValue(name, out var key))
            {
                var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new HarnessOptionsException($"{name}: missing value; expected {Expectation(key)}."));
                result.Add($"--{HarnessOptions.Section}:{key}={value}");
            }
            else
            {
                result.Add(args[i]);
            }
        }
        return [.. result];
    }

    private static (string Name, string? Value) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static string Expectation(string key) => key switch
    {
        nameof(HarnessOptions.Topology) => "seed, cuba-3, cuba-national or the path of a topology file",
        nameof(HarnessOptions.Runtime) => "embedded or fabric",
        nameof(HarnessOptions.Scenario) => "a LoadTests scenario name or file, or none",
        nameof(HarnessOptions.TraceSampleRatio) => "a number from 0 to 1",
        _ => "a directory",
    };
}
