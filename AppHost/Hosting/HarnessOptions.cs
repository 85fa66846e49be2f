using Ceiba.Network.Topology;
using Microsoft.Extensions.Configuration;

namespace Ceiba.AppHost.Hosting;

/// <summary>
/// What the AppHost starts: which topology, on which runtime, with which workload, and whether it exits when the
/// workload is done. From <c>--topology</c>, <c>--runtime</c>, <c>--scenario</c>, <c>--exit-on-completion</c>,
/// <c>--network-dir</c>, <c>--reports-dir</c>, <c>--trace-sample-ratio</c> and <c>--fresh-ledger</c>, or from the configuration section
/// <see cref="Section"/>.
/// </summary>
public sealed record HarnessOptions
{
    /// <summary>The configuration section, e.g. <c>Ceiba__AppHost__Topology=seed</c>.</summary>
    public const string Section = "Ceiba:AppHost";

    /// <summary>The workload name that starts no workload: the network and the gateway only.</summary>
    public const string NoScenario = "none";

    /// <summary>The default workload: short enough to finish in a few minutes on a laptop.</summary>
    public const string DefaultScenario = "smoke";

    /// <summary>A shipped topology name or the full path of a topology file.</summary>
    public required string Topology { get; init; }

    public required FabricRuntime Runtime { get; init; }

    /// <summary>A LoadTests scenario name or file, or <see cref="NoScenario"/>.</summary>
    public required string Scenario { get; init; }

    /// <summary>Headless: run the workload, shut everything down and exit with the workload's exit code.</summary>
    public bool ExitOnCompletion { get; init; }

    /// <summary>
    /// Start the embedded nodes from empty ledgers: their data under <c>&lt;network&gt;/data</c> is deleted first, and the
    /// identities and genesis block are kept. Without it ledgers grow from run to run, and a run on a large ledger is
    /// slower than one on a small ledger, so runs that are to be compared should start fresh.
    /// </summary>
    public bool FreshLedger { get; init; }

    /// <summary>Where the network's material is generated or reused.</summary>
    public required string NetworkDirectory { get; init; }

    /// <summary>Where the workload writes its report.</summary>
    public required string ReportsDirectory { get; init; }

    /// <summary>
    /// The share of the workload's transactions that are traced end to end (0 to 1). Every span of a transaction
    /// follows the workload's decision, so the default traces 1 in 100 instead of making every node export every
    /// call: tracing everything costs the nodes and the dashboard CPU that the measured network needs.
    /// </summary>
    public double TraceSampleRatio { get; init; } = DefaultTraceSampleRatio;

    /// <summary>The default <see cref="TraceSampleRatio"/>.</summary>
    public const double DefaultTraceSampleRatio = 0.01;

    /// <summary>How long a headless run may take before it is abandoned.</summary>
    public TimeSpan HeadlessTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>True when a workload runs.</summary>
    public bool RunsWorkload => !string.Equals(Scenario, NoScenario, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads and checks the options; relative directories are resolved against <paramref name="repositoryRoot"/>.</summary>
    /// <exception cref="HarnessOptionsException">A value is not usable; the message names it.</exception>
    public static HarnessOptions From(IConfiguration configuration, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryRoot);
        var section = configuration.GetSection(Section);

        var topology = Text(section, nameof(Topology)) ?? BuiltInTopologies.Default;
        var builtIn = BuiltInTopologies.Names.FirstOrDefault(n => string.Equals(n, topology, StringComparison.OrdinalIgnoreCase));
        if (builtIn is null && !File.Exists(topology))
        {
            throw new HarnessOptionsException(
                $"--topology: \"{topology}\" is neither a shipped topology ({string.Join(", ", BuiltInTopologies.Names)}) nor an existing topology file.");
        }

        var runtimeText = Text(section, nameof(Runtime)) ?? "embedded";
        if (!Enum.TryParse<FabricRuntime>(runtimeText, ignoreCase: true, out var runtime) || !Enum.IsDefined(runtime) || int.TryParse(runtimeText, out _))
        {
            throw new HarnessOptionsException($"--runtime: \"{runtimeText}\" is not a runtime; expected embedded or fabric.");
        }

        var scenario = Text(section, nameof(Scenario)) ?? DefaultScenario;
        if (scenario.IndexOfAny(['"', '\n', '\r']) >= 0)
        {
            throw new HarnessOptionsException($"--scenario: \"{scenario}\" is not a scenario name or file; expected e.g. {DefaultScenario}, a scenario file path, or {NoScenario}.");
        }

        var exitOnCompletion = Switch(section, nameof(ExitOnCompletion), "--exit-on-completion");
        if (exitOnCompletion && string.Equals(scenario, NoScenario, StringComparison.OrdinalIgnoreCase))
        {
            throw new HarnessOptionsException($"--exit-on-completion: needs a workload to wait for, but --scenario is {NoScenario}.");
        }

        var ratioText = Text(section, nameof(TraceSampleRatio));
        var traceSampleRatio = DefaultTraceSampleRatio;
        if (ratioText is not null
            && (!double.TryParse(ratioText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out traceSampleRatio)
                || traceSampleRatio is < 0 or > 1 || double.IsNaN(traceSampleRatio)))
        {
            throw new HarnessOptionsException($"--trace-sample-ratio: \"{ratioText}\" is not a ratio; expected a number from 0 (no traces) to 1 (every transaction), e.g. 0.01.");
        }

        var topologyName = builtIn ?? Path.GetFileNameWithoutExtension(topology);
        var output = Path.Combine(repositoryRoot, "out");
        return new HarnessOptions
        {
            Topology = builtIn ?? Path.GetFullPath(topology),
            Runtime = runtime,
            Scenario = scenario,
            ExitOnCompletion = exitOnCompletion,
            FreshLedger = Switch(section, nameof(FreshLedger), "--fresh-ledger"),
            TraceSampleRatio = traceSampleRatio,
            NetworkDirectory = Path.GetFullPath(Text(section, nameof(NetworkDirectory)) ?? Path.Combine(output, topologyName), repositoryRoot),
            ReportsDirectory = Path.GetFullPath(Text(section, nameof(ReportsDirectory)) ?? Path.Combine(output, "reports"), repositoryRoot),
        };
    }

    private static bool Switch(IConfiguration section, string key, string option)
    {
        var text = Text(section, key);
        return text is null
            ? false
            : bool.TryParse(text, out var value) ? value : throw new HarnessOptionsException($"{option}: \"{text}\" is not true or false.");
    }

    private static string? Text(IConfiguration section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
