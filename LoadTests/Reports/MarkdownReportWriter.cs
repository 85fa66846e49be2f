using System.Globalization;
using System.Text;
using Ceiba.LoadTests.Metrics;

namespace Ceiba.LoadTests.Reports;

/// <summary>Writes <c>report.md</c>: the run's context, throughput, latency per stage, failures, gates and resources as tables.</summary>
public static class MarkdownReportWriter
{
    public static string Write(RunReport report, IReadOnlyList<Chart> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        var result = report.Result;
        var md = new StringBuilder();
        void Line(FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# Load test: {report.Scenario.Name}");
        Line($"");
        if (report.Scenario.Description is { } description)
        {
            Line($"{description}");
            Line($"");
        }
        Line($"| | |");
        Line($"|---|---|");
        Line($"| runtime | {report.Runtime} |");
        Line($"| topology | {report.Topology.Name} |");
        Line($"| target | {report.Scenario.Target} |");
        Line($"| workload | {report.Workload} |");
        Line($"| model | {report.Scenario.Model} |");
        Line($"| started | {result.StartedAt:u} |");
        Line($"| warm-up / measured | {result.Warmup.TotalSeconds:0.#} s / {result.MeasuredDuration.TotalSeconds:0.#} s |");
        Line($"| ended because | {result.EndReason}{(result.Drained ? "" : " (some flows were still running at the end and were cut off)")} |");
        Line($"| machine | {report.Machine.Cores} cores, {report.Machine.MemoryMegabytes:N0} MB, {report.Machine.OperatingSystem}, load {string.Join(" ", report.Machine.LoadAverage)} → {string.Join(" ", report.LoadAverageAtEnd)} |");
        Line($"| generator CPU | {result.Generator.CpuMillisecondsPerTransaction:0.###} ms per transaction (target ≤ {Engine.GeneratorCost.TargetMillisecondsPerTransaction} ms{(result.Generator.WithinTarget ? "" : ": missed")}) |");
        Line($"");
        Line($"## Throughput");
        Line($"");
        Line($"| goodput (tx/s) | VALID commits/s | send rate (tx/s) | completed | succeeded | failed | error rate | schedule lag p99 (ms) |");
        Line($"|---:|---:|---:|---:|---:|---:|---:|---:|");
        Line($"| {result.Goodput:0.##} | {result.WriteGoodput:0.##} | {result.SendRate:0.##} | {result.Metrics.Completed} | {result.Metrics.Succeeded} | {result.Metrics.Failed} | {Formats.Percent(result.Metrics.ErrorRate)} | {result.Metrics.ScheduleLag.P99:0.###} |");
        Line($"");
        Line($"## Latency (ms)");
        Line($"");
        LatencyTable(md, "stage", result.Metrics.Stages.Select(stage => (stage.Stage, stage.Overall)));
        var endToEnd = result.Metrics.Stage(Engine.StageNames.EndToEnd);
        if (endToEnd is not null)
        {
            Line($"");
            Line($"### End-to-end per transaction type");
            Line($"");
            LatencyTable(md, "type", endToEnd.ByType.Select(pair => (pair.Key, pair.Value)));
            Line($"");
            Line($"### End-to-end per province");
            Line($"");
            LatencyTable(md, "province", endToEnd.ByProvince.Select(pair => (pair.Key, pair.Value)));
        }
        Line($"");
        Line($"## Segments");
        Line($"");
        Line($"| segment | offered/s | completed | goodput (tx/s) | error rate | p50 | p99 |");
        Line($"|---|---:|---:|---:|---:|---:|---:|");
        foreach (var segment in result.Segments)
        {
            Line($"| {segment.Name} | {segment.OfferedRate?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-"} | {segment.Completed} | {segment.Goodput:0.##} | {Formats.Percent(segment.ErrorRate)} | {segment.EndToEnd.P50:0.###} | {segment.EndToEnd.P99:0.###} |");
        }
        if (result.Saturation is { } saturation)
        {
            Line($"");
            Line($"## Saturation");
            Line($"");
            Line($"**{saturation.Verdict}**");
            Line($"");
            Line($"| offered/s | sent/s | goodput (tx/s) | p99 (ms) | error rate | verdict |");
            Line($"|---:|---:|---:|---:|---:|---|");
            foreach (var step in saturation.Steps)
            {
                Line($"| {step.OfferedRate:0.##} | {step.SendRate:0.##} | {step.Goodput:0.##} | {step.EndToEndP99:0.###} | {Formats.Percent(step.ErrorRate)} | {(step.Passed ? "pass" : "fail")}: {step.Reason} |");
            }
        }
        Line($"");
        Line($"## Failures");
        Line($"");
        Line($"| kind | count |");
        Line($"|---|---:|");
        foreach (var (kind, count) in result.Metrics.Failures)
        {
            Line($"| {kind} | {count} |");
        }
        foreach (var error in result.Metrics.Errors)
        {
            Line($"- {error.Count} × {error.Message}");
        }
        Line($"");
        Line($"## Gates");
        Line($"");
        if (report.Gates.Count == 0)
        {
            Line($"The scenario declares no thresholds.");
        }
        foreach (var gate in report.Gates)
        {
            Line($"- {(gate.Passed ? "passed" : "**breached**")}: {gate.Description}");
        }
        Line($"");
        Line($"## Resources");
        Line($"");
        foreach (var probe in result.ResourceProbes)
        {
            Line($"- {probe}");
        }
        Line($"");
        Line($"| process | kind | CPU mean % | CPU max % | RSS mean MB | RSS max MB |");
        Line($"|---|---|---:|---:|---:|---:|");
        foreach (var resource in result.Resources)
        {
            Line($"| {resource.Name} | {resource.Kind} | {resource.MeanCpuPercent} | {resource.MaxCpuPercent} | {resource.MeanRssMegabytes} | {resource.MaxRssMegabytes} |");
        }
        Line($"");
        Line($"## Charts");
        Line($"");
        foreach (var chart in charts)
        {
            Line($"![{chart.Title}](charts/{chart.FileName})");
        }
        return md.ToString();
    }

    private static void LatencyTable(StringBuilder md, string key, IEnumerable<(string Name, LatencyStats Stats)> rows)
    {
        md.Append(CultureInfo.InvariantCulture, $"| {key} | count | p50 | p90 | p95 | p99 | p99.9 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (name, stats) in rows)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {name} | {stats.Count} | {stats.P50:0.###} | {stats.P90:0.###} | {stats.P95:0.###} | {stats.P99:0.###} | {stats.P999:0.###} | {stats.Max:0.###} |\n");
        }
    }
}
