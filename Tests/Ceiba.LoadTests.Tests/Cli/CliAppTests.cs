using Ceiba.LoadTests.Cli;
using Ceiba.LoadTests.Reports;
using Ceiba.LoadTests.Tests.Fakes;
using Ceiba.LoadTests.Workloads;
using Spectre.Console;

namespace Ceiba.LoadTests.Tests.Cli;

public sealed class CliAppTests : IDisposable
{
    private const string Scenario = """
        { "name": "cli-test", "duration": "1s", "warmup": "0s",
          "load": { "model": "open", "phases": [ { "rate": 20, "duration": "1s" } ] },
          "mix": [ { "flow": "fake-tx", "weight": 1 } ],
          "thresholds": { "maxErrorRate": 0.5 } }
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("ceiba-cli-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter errors = new();
    private readonly Dictionary<string, string> environment = [];
    private Func<WorkloadRequest, CancellationToken, Task<IWorkload>> workloads =
        (_, _) => Task.FromResult<IWorkload>(new FakeWorkload(new FakeFlow()));

    public void Dispose()
    {
        Directory.Delete(directory, recursive: true);
        output.Dispose();
        errors.Dispose();
    }

    private string NetworkDirectory => Directory.CreateDirectory(Path.Combine(directory, "network")).FullName;

    private string WriteScenario(string json)
    {
        var path = Path.Combine(directory, "scenario.json");
        File.WriteAllText(path, json);
        return path;
    }

    private Task<int> RunAsync(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        return CliApp.RunAsync(
            args, console, errors, name => environment.GetValueOrDefault(name), c => new RunSession(c, workloads), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Without_a_scenario_the_exit_code_is_2_and_the_message_names_the_option()
    {
        // Act
        var code = await RunAsync("run");

        // Assert
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("--scenario: (missing); expected", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_exits_2()
    {
        // Act
        var code = await RunAsync("run", "--scenarios", "smoke");

        // Assert
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--scenarios", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_runtime_exits_2_naming_the_value_and_the_choices()
    {
        // Act
        var code = await RunAsync("run", "--scenario", WriteScenario(Scenario), "--network", NetworkDirectory, "--runtime", "podman");

        // Assert
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("--runtime: \"podman\"; expected embedded or fabric", errors.ToString().Trim());
    }

    [Fact]
    public async Task A_missing_network_directory_exits_2()
    {
        // Act
        var code = await RunAsync("run", "--scenario", WriteScenario(Scenario), "--network", Path.Combine(directory, "absent"));

        // Assert
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("--network: ", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("network generate", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_api_address_exits_2()
    {
        // Act
        var code = await RunAsync("run", "--scenario", WriteScenario(Scenario), "--network", NetworkDirectory, "--api", "localhost:5000");

        // Assert
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("--api: \"localhost:5000\"; expected an absolute http", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_scenario_file_exits_2_listing_its_errors()
    {
        // Act
        var code = await RunAsync("run", "--scenario", WriteScenario(Scenario.Replace("\"rate\": 20", "\"rate\": -20", StringComparison.Ordinal)), "--network", NetworkDirectory);

        // Assert
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("$.load.phases[0].rate: -20; expected arrivals per second, zero or more", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_from_the_environment_is_blamed_on_the_environment_variable()
    {
        // Arrange
        environment["Ceiba__LoadTests__Scenario"] = "no-such-scenario";

        // Act
        var code = await RunAsync("run");

        // Assert
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("Ceiba__LoadTests__Scenario (environment): \"no-such-scenario\"", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workload_that_cannot_be_prepared_exits_3()
    {
        // Arrange
        workloads = (_, _) => throw new InvalidOperationException("no peer answered");

        // Act
        var code = await RunAsync("run", "--scenario", WriteScenario(Scenario), "--network", NetworkDirectory, "--out", Path.Combine(directory, "report"));

        // Assert
        Assert.Equal(ExitCodes.RunFailed, code);
        Assert.Contains("no peer answered", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_within_its_gates_writes_the_report_and_exits_0()
    {
        // Arrange: options from the environment, as the AppHost passes them.
        var report = Path.Combine(directory, "report");
        environment["Ceiba__LoadTests__Scenario"] = WriteScenario(Scenario);
        environment["Ceiba__Network__Directory"] = NetworkDirectory;
        environment["Ceiba__LoadTests__Out"] = report;

        // Act
        var code = await RunAsync("run");

        // Assert
        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(File.Exists(Path.Combine(report, ReportWriter.ResultsFile)));
        Assert.True(File.Exists(Path.Combine(report, "scenario.json")));
        Assert.Contains("all 1 gates passed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"report: {Path.Combine(report, ReportWriter.HtmlFile)}", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_breached_gate_is_printed_and_exits_1()
    {
        // Arrange
        var scenario = WriteScenario(Scenario.Replace("\"maxErrorRate\": 0.5", "\"minThroughput\": 100000", StringComparison.Ordinal));

        // Act
        var code = await RunAsync("run", "--scenario", scenario, "--network", NetworkDirectory, "--out", Path.Combine(directory, "report"));

        // Assert
        Assert.Equal(ExitCodes.GateBreached, code);
        Assert.Contains("gate breached: throughput", output.ToString(), StringComparison.Ordinal);
    }
}
