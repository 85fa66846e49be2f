using System.CommandLine;
using Spectre.Console;

namespace Ceiba.LoadTests.Cli;

/// <summary>The load-test console app: parses the command line and maps every outcome to an exit code.</summary>
public static class CliApp
{
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        if (!console.Profile.Capabilities.Interactive)
        {
            // Redirected output (CI, the AppHost) is read as a log: long lines stay whole instead of wrapping at 80.
            console.Profile.Width = 240;
        }
        return RunAsync(args, console, Console.Error, Environment.GetEnvironmentVariable, RunSession.Default, cancellationToken);
    }

    /// <param name="errors">Where bad-input messages go (one line each).</param>
    /// <param name="sessions">Makes the session that runs a scenario; tests pass one with a fake workload.</param>
    public static async Task<int> RunAsync(
        string[] args,
        IAnsiConsole console,
        TextWriter errors,
        Func<string, string?> environment,
        Func<IAnsiConsole, RunSession> sessions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("Ceiba load tests: synthetic OMOP workloads against a Fabric network, with latency and throughput reports and gates.")
        {
            RunCommand.Create(console, errors, environment, sessions),
        };
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One line naming what was wrong; System.CommandLine's own messages name the option and the value.
            await errors.WriteLineAsync($"{string.Join("; ", parseResult.Errors.Select(error => error.Message))} (see --help)");
            return ExitCodes.BadInput;
        }
        // The run handles Ctrl+C and SIGTERM itself, so that it can drain and write its report.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
