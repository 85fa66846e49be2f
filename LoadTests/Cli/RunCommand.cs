using System.CommandLine;
using Ceiba.LoadTests.Scenarios;
using Spectre.Console;

namespace Ceiba.LoadTests.Cli;

/// <summary>
/// <c>run --scenario &lt;name|path&gt; [--topology &lt;name|path&gt;] [--network &lt;dir&gt;] [--out &lt;dir&gt;] [--api &lt;url&gt;] [--runtime embedded|fabric]</c>.
/// </summary>
public static class RunCommand
{
    public static Command Create(IAnsiConsole console, TextWriter errors, Func<string, string?> environment, Func<IAnsiConsole, RunSession> sessions)
    {
        var scenario = new Option<string?>("--scenario") { Description = $"A shipped scenario name or a scenario JSON file. Env: {RunSettings.ScenarioVariable}." };
        var topology = new Option<string?>("--topology") { Description = $"A topology name or file (default: the scenario's, else seed). Env: {RunSettings.TopologyVariable}." };
        var network = new Option<string?>("--network") { Description = $"The 'network generate' output directory (default: out/<topology>). Env: {RunSettings.NetworkVariable}." };
        var output = new Option<string?>("--out") { Description = $"The report directory (default: reports/<scenario>-<yyyyMMdd-HHmmss>). Env: {RunSettings.OutVariable}." };
        var api = new Option<string?>("--api") { Description = $"Gateway.Api's base address, for scenarios with target http. Env: {RunSettings.ApiVariable}." };
        var runtime = new Option<string?>("--runtime") { Description = $"embedded (default) or fabric: how node resources are sampled. Env: {RunSettings.RuntimeVariable}." };
        var adminEmail = new Option<string?>("--api-admin-email") { Description = $"Gateway.Api's admin e-mail, for http scenarios. Env: {RunSettings.ApiAdminEmailVariable}." };
        var adminPassword = new Option<string?>("--api-admin-password") { Description = $"Gateway.Api's admin password. Env: {RunSettings.ApiAdminPasswordVariable}." };

        var command = new Command("run", "Run a load-test scenario against a running network and write its report.")
        {
            scenario, topology, network, output, api, runtime, adminEmail, adminPassword,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var values = new RunOptionValues(
                parseResult.GetValue(scenario),
                parseResult.GetValue(topology),
                parseResult.GetValue(network),
                parseResult.GetValue(output),
                parseResult.GetValue(api),
                parseResult.GetValue(runtime),
                parseResult.GetValue(adminEmail),
                parseResult.GetValue(adminPassword));
            RunSettings settings;
            ScenarioDefinition definition;
            try
            {
                var scenarioFile = RunSettings.ResolveScenarioFile(values.Scenario, environment);
                definition = ScenarioLoader.Load(scenarioFile);
                settings = RunSettings.Resolve(values, scenarioFile, definition, environment, DateTimeOffset.UtcNow);
            }
            catch (Exception error) when (error is CliInputException or ScenarioException)
            {
                await errors.WriteLineAsync(error.Message);
                return ExitCodes.BadInput;
            }
            return await sessions(console).RunAsync(settings, definition, cancellationToken);
        });
        return command;
    }
}
