using System.Globalization;
using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Cli;

/// <summary>
/// The resolved inputs of <c>run</c>. Each comes from its option, else from its environment variable (so the AppHost
/// can pass either), else from a default.
/// </summary>
public sealed record RunSettings(
    string ScenarioFile,
    string TopologyName,
    string? TopologyFile,
    string NetworkDirectory,
    string OutputDirectory,
    Uri? ApiBaseAddress,
    string? ApiAdminEmail,
    string? ApiAdminPassword,
    string Runtime)
{
    public const string ScenarioVariable = "Ceiba__LoadTests__Scenario";
    public const string TopologyVariable = "Ceiba__LoadTests__Topology";
    public const string NetworkVariable = "Ceiba__Network__Directory";
    public const string OutVariable = "Ceiba__LoadTests__Out";
    public const string ApiVariable = "Ceiba__LoadTests__Api";
    public const string RuntimeVariable = "Ceiba__LoadTests__Runtime";
    public const string ApiAdminEmailVariable = "Ceiba__LoadTests__ApiAdminEmail";
    public const string ApiAdminPasswordVariable = "Ceiba__LoadTests__ApiAdminPassword";

    private static readonly string[] Runtimes = ["embedded", "fabric"];

    /// <summary>Resolves the scenario file first; the rest needs the scenario (its topology and target).</summary>
    /// <exception cref="CliInputException">An input is missing or malformed.</exception>
    public static string ResolveScenarioFile(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (name, value) = Pick("--scenario", option, ScenarioVariable, environment);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliInputException(name, value, $"a shipped scenario name ({string.Join(", ", ScenarioLoader.ShippedNames)}) or a scenario file path");
        }
        try
        {
            return ScenarioLoader.Resolve(value);
        }
        catch (FileNotFoundException)
        {
            var shipped = ScenarioLoader.ShippedNames;
            throw new CliInputException(name, value, $"a scenario file path or a shipped name ({(shipped.Count == 0 ? "none shipped" : string.Join(", ", shipped))})");
        }
    }

    /// <exception cref="CliInputException">An input is missing or malformed.</exception>
    public static RunSettings Resolve(RunOptionValues options, string scenarioFile, ScenarioDefinition scenario, Func<string, string?> environment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(environment);

        var (_, topologyValue) = Pick("--topology", options.Topology, TopologyVariable, environment);
        var topology = string.IsNullOrWhiteSpace(topologyValue) ? scenario.Topology ?? "seed" : topologyValue;
        var topologyIsFile = File.Exists(topology);
        var topologyName = topologyIsFile ? Path.GetFileNameWithoutExtension(topology) : topology;

        var (networkOption, networkValue) = Pick("--network", options.Network, NetworkVariable, environment);
        var network = Path.GetFullPath(string.IsNullOrWhiteSpace(networkValue) ? Path.Combine("out", topologyName) : networkValue);
        if (!Directory.Exists(network))
        {
            throw new CliInputException(
                networkOption, network,
                $"the output directory of 'network generate' (e.g. dotnet run --project Network/Node -- generate --topology {topologyName} --out out/{topologyName})");
        }
        var generatedTopology = Path.Combine(network, "topology.json");
        var topologyFile = topologyIsFile ? Path.GetFullPath(topology) : File.Exists(generatedTopology) ? generatedTopology : null;

        var (_, outValue) = Pick("--out", options.Out, OutVariable, environment);
        var output = Path.GetFullPath(string.IsNullOrWhiteSpace(outValue)
            ? Path.Combine("reports", $"{scenario.Name}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}")
            : outValue);
        if (File.Exists(output))
        {
            throw new CliInputException("--out", output, "a directory to write the report to, not an existing file");
        }

        var (apiOption, apiValue) = Pick("--api", options.Api, ApiVariable, environment);
        Uri? api = null;
        if (!string.IsNullOrWhiteSpace(apiValue)
            && (!Uri.TryCreate(apiValue, UriKind.Absolute, out api) || (api.Scheme != Uri.UriSchemeHttp && api.Scheme != Uri.UriSchemeHttps)))
        {
            throw new CliInputException(apiOption, apiValue, "an absolute http:// or https:// address of Gateway.Api");
        }
        if (api is null && scenario.Target == ScenarioTarget.Http)
        {
            throw new CliInputException(apiOption, null, $"Gateway.Api's address, because scenario \"{scenario.Name}\" has target http");
        }

        var (runtimeOption, runtimeValue) = Pick("--runtime", options.Runtime, RuntimeVariable, environment);
        var runtime = string.IsNullOrWhiteSpace(runtimeValue) ? "embedded" : runtimeValue;
        if (!Runtimes.Contains(runtime, StringComparer.Ordinal))
        {
            throw new CliInputException(runtimeOption, runtime, "embedded or fabric");
        }

        return new RunSettings(
            scenarioFile,
            topologyName,
            topologyFile,
            network,
            output,
            api,
            Pick("--api-admin-email", options.ApiAdminEmail, ApiAdminEmailVariable, environment).Value,
            Pick("--api-admin-password", options.ApiAdminPassword, ApiAdminPasswordVariable, environment).Value,
            runtime);
    }

    /// <summary>The option's value when given, else the environment variable's; the name says which one to blame.</summary>
    private static (string Name, string? Value) Pick(string option, string? value, string variable, Func<string, string?> environment) =>
        value is not null ? (option, value)
        : environment(variable) is { } fromEnvironment ? ($"{variable} (environment)", fromEnvironment)
        : (option, null);
}

/// <summary>The raw values of <c>run</c>'s options, before defaults and environment variables.</summary>
public sealed record RunOptionValues(
    string? Scenario,
    string? Topology = null,
    string? Network = null,
    string? Out = null,
    string? Api = null,
    string? Runtime = null,
    string? ApiAdminEmail = null,
    string? ApiAdminPassword = null);
