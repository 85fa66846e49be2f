using System.Runtime.InteropServices;
using System.Text.Json;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Gates;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Metrics.Resources;
using Ceiba.LoadTests.Reports;
using Ceiba.LoadTests.Scenarios;
using Ceiba.LoadTests.Workloads;
using Spectre.Console;

namespace Ceiba.LoadTests.Cli;

/// <summary>One <c>run</c>: builds the workload, runs the load, writes the report, prints the summary, and picks the exit code.</summary>
public sealed class RunSession(IAnsiConsole console, Func<WorkloadRequest, CancellationToken, Task<IWorkload>> createWorkload)
{
    /// <summary>A session that builds workloads with <see cref="WorkloadFactory"/>.</summary>
    public static RunSession Default(IAnsiConsole console) => new(console, WorkloadFactory.CreateAsync);

    public async Task<int> RunAsync(RunSettings settings, ScenarioDefinition scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(scenario);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = StopOnSignals(stop);
        var machine = MachineInfo.Current();
        var metrics = new MetricsRecorder();

        IWorkload workload;
        try
        {
            workload = await createWorkload(
                new WorkloadRequest(scenario, settings.NetworkDirectory, metrics, settings.ApiBaseAddress, settings.ApiAdminEmail, settings.ApiAdminPassword),
                stop.Token);
        }
        catch (Exception error) when (error is ArgumentException or InvalidDataException)
        {
            // An unknown flow in the mix, or a network directory that is not the output of 'network generate'.
            console.WriteLine($"the scenario's workload cannot be built: {error.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception error) when (error is not OperationCanceledException || stop.IsCancellationRequested)
        {
            console.WriteLine($"the workload could not be prepared: {error.GetType().Name}: {error.Message}");
            return ExitCodes.RunFailed;
        }

        RunResult result;
        await using (workload)
        {
            console.WriteLine($"{scenario.Name}: {workload.Description}");
            using var resources = ResourceSampler.ForRuntime(settings.Runtime, settings.NetworkDirectory);
            var progress = new LiveProgress(console);
            var options = new LoadRunOptions(scenario, workload.Flows, metrics) { Resources = resources, Progress = progress.Report };
            result = await progress.ShowWhileAsync(() => LoadRunner.RunAsync(options, stop.Token));
            var gates = GateEvaluator.Evaluate(scenario.Thresholds, result);
            var report = new RunReport(
                RunReport.CurrentSchemaVersion,
                new ScenarioInfo(scenario.Name, scenario.Description, Json(scenario.Target), Json(scenario.Load.Model), scenario.Seed, "scenario.json"),
                settings.Runtime,
                new TopologyInfo(settings.TopologyName, settings.NetworkDirectory, settings.TopologyFile is null ? null : "topology.json"),
                workload.Description,
                machine,
                MachineInfo.ReadLoadAverage(),
                result,
                gates);
            await ReportWriter.WriteAsync(report, settings.OutputDirectory, settings.ScenarioFile, settings.TopologyFile, CancellationToken.None);
            SummaryPrinter.Print(console, report);
            console.WriteLine($"report: {Path.Combine(settings.OutputDirectory, ReportWriter.HtmlFile)}");
            if (result.EndReason == RunEndReason.Cancelled)
            {
                console.WriteLine("the run was cancelled; the report covers the part that ran");
                return ExitCodes.RunFailed;
            }
            return report.GatesPassed ? ExitCodes.Ok : ExitCodes.GateBreached;
        }
    }

    private static string Json<T>(T value) where T : struct, Enum =>
        JsonSerializer.Serialize(value, ScenarioJsonContext.Default.Options).Trim('"');

    /// <summary>Ctrl+C and SIGTERM stop arrivals; the run then drains and still writes its report.</summary>
    private static IDisposable StopOnSignals(CancellationTokenSource stop)
    {
        void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        return new Registrations(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
