using System.Diagnostics.CodeAnalysis;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Ceiba.AppHost.Hosting;

/// <summary>The AppHost's start and end: options and network material first, then either the dashboard session or a headless run.</summary>
public static class HarnessStartup
{
    /// <summary>Exit code when the options or the topology are bad.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code when a headless run could not finish (a resource failed, or the run timed out).</summary>
    public const int Failed = 3;

    /// <summary>
    /// Creates the builder, reads the options and generates or reuses the network material. On bad input it writes one
    /// line to standard error and returns false; the caller exits with <see cref="BadInput"/>.
    /// </summary>
    public static bool TryCreate(
        string[] args,
        [NotNullWhen(true)] out IDistributedApplicationBuilder? builder,
        [NotNullWhen(true)] out HarnessOptions? options,
        [NotNullWhen(true)] out FabricNetwork? network)
    {
        ArgumentNullException.ThrowIfNull(args);
        builder = null;
        options = null;
        network = null;
        try
        {
            var normalized = HarnessArguments.Normalize(args);
            var created = DistributedApplication.CreateBuilder(normalized);
            var read = HarnessOptions.From(created.Configuration, RepositoryRoot(created.AppHostDirectory));
            if (read.FreshLedger && LedgerReset.Apply(read.NetworkDirectory))
            {
                Console.WriteLine($"ceiba: --fresh-ledger: deleted the nodes' ledgers under {Path.Combine(read.NetworkDirectory, LedgerReset.DataFolder)}");
            }

            network = created.AddFabricNetwork(read);
            builder = created;
            options = read;
            return true;
        }
        catch (HarnessOptionsException error)
        {
            Console.Error.WriteLine($"ceiba: {error.Message}");
            return false;
        }
    }

    /// <summary>
    /// Runs the app. Interactive: until Ctrl+C, with the dashboard. Headless (<c>--exit-on-completion</c>): until the
    /// workload finishes, then shuts everything down and returns the workload's exit code.
    /// </summary>
    public static async Task<int> RunAsync(DistributedApplication app, HarnessOptions options, FabricNetwork network, string? reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(network);
        Console.WriteLine($"ceiba: network '{network.Topology.Name}' ({options.Runtime.ToString().ToLowerInvariant()} runtime) from {network.Root}");
        Console.WriteLine(reportDirectory is null
            ? "ceiba: no workload (--scenario none)"
            : $"ceiba: workload '{options.Scenario}' writes its report to {reportDirectory}");
        if (!options.ExitOnCompletion)
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }

        await app.StartAsync().ConfigureAwait(false);
        int exitCode;
        using (var timeout = new CancellationTokenSource(options.HeadlessTimeout))
        {
            exitCode = await WaitForWorkloadAsync(app, timeout.Token).ConfigureAwait(false);
        }

        await app.StopAsync().ConfigureAwait(false);
        Console.WriteLine(exitCode switch
        {
            0 => $"ceiba: workload passed its gates; report in {reportDirectory}",
            1 => $"ceiba: workload breached a gate; report in {reportDirectory}",
            _ => $"ceiba: workload did not complete (exit code {exitCode}); see the logs above and {reportDirectory}",
        });
        return exitCode;
    }

    private static async Task<int> WaitForWorkloadAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                var state = update.Snapshot.State?.Text;
                if (update.Resource.Name == AppBuilderExtensions.LoadTestsName && state is not null && KnownResourceStates.TerminalStates.Contains(state))
                {
                    return update.Snapshot.ExitCode ?? Failed;
                }
                if (state == KnownResourceStates.FailedToStart)
                {
                    Console.Error.WriteLine($"ceiba: {update.Resource.Name} failed to start; the workload cannot run.");
                    return Failed;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("ceiba: the headless run timed out before the workload finished.");
        }
        return Failed;
    }

    /// <summary>The repository root: the parent of the AppHost project folder.</summary>
    private static string RepositoryRoot(string appHostDirectory) => Path.GetFullPath(Path.Combine(appHostDirectory, ".."));
}
