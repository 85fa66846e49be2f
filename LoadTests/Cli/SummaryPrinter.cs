using System.Globalization;
using Ceiba.LoadTests.Gates;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Reports;
using Spectre.Console;

namespace Ceiba.LoadTests.Cli;

/// <summary>The final summary: throughput, latency per stage, failures, the saturation knee, the generator's cost, and every gate breach.</summary>
internal static class SummaryPrinter
{
    public static void Print(IAnsiConsole console, RunReport report)
    {
        var result = report.Result;
        var inv = CultureInfo.InvariantCulture;
        console.WriteLine(string.Create(inv,
            $"{report.Scenario.Name} on {report.Topology.Name} ({report.Runtime}): {result.EndReason}, measured {result.MeasuredDuration.TotalSeconds:0.#} s after {result.Warmup.TotalSeconds:0.#} s warm-up"));
        console.WriteLine(string.Create(inv,
            $"goodput {result.Goodput:0.##} tx/s (VALID commits {result.WriteGoodput:0.##}/s), send rate {result.SendRate:0.##} tx/s, completed {result.Metrics.Completed}, failed {result.Metrics.Failed} ({Formats.Percent(result.Metrics.ErrorRate)}), schedule lag p99 {result.Metrics.ScheduleLag.P99:0.###} ms"));

        var latency = new Table().Border(TableBorder.Simple).Title("latency (ms)");
        foreach (var column in new[] { "stage", "count", "p50", "p90", "p99", "p99.9", "max" })
        {
            latency.AddColumn(new TableColumn(column).RightAligned());
        }
        foreach (var stage in result.Metrics.Stages)
        {
            var s = stage.Overall;
            latency.AddRow(Markup.Escape(stage.Stage), s.Count.ToString(inv), F(s.P50), F(s.P90), F(s.P99), F(s.P999), F(s.Max));
        }
        console.Write(latency);

        var failures = result.Metrics.Failures.Where(pair => pair.Value > 0).ToList();
        if (failures.Count > 0)
        {
            console.WriteLine("failures: " + string.Join(", ", failures.Select(pair => $"{pair.Key} {pair.Value}")));
            foreach (var error in result.Metrics.Errors.Take(5))
            {
                console.WriteLine($"  {error.Count} × {error.Message}");
            }
        }
        if (result.Saturation is { } saturation)
        {
            console.WriteLine($"saturation: {saturation.Verdict}");
        }
        console.WriteLine(string.Create(inv,
            $"load generator: {result.Generator.CpuMillisecondsPerTransaction:0.###} ms CPU per transaction (target ≤ {Engine.GeneratorCost.TargetMillisecondsPerTransaction} ms){(result.Generator.WithinTarget ? "" : " — above target")}"));
        foreach (var breach in GateEvaluator.Breaches(report.Gates))
        {
            console.MarkupLine($"[red]gate breached: {Markup.Escape(breach.Description)}[/]");
        }
        if (report.Gates.Count > 0 && report.GatesPassed)
        {
            console.MarkupLine($"[green]all {report.Gates.Count} gates passed[/]");
        }
    }

    private static string F(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
