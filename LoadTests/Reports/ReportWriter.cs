using System.Text.Json;

namespace Ceiba.LoadTests.Reports;

/// <summary>
/// Writes a run's report directory: <c>results.json</c>, <c>samples.csv</c>, <c>report.md</c>, <c>report.html</c>,
/// the charts as PNG files under <c>charts/</c>, and copies of the scenario and topology files.
/// </summary>
public static class ReportWriter
{
    public const string ResultsFile = "results.json";
    public const string SamplesFile = "samples.csv";
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "report.html";

    /// <param name="scenarioFile">The scenario file that ran, copied as <c>scenario.json</c>.</param>
    /// <param name="topologyFile">The topology file, copied as <c>topology.json</c> when it exists.</param>
    public static async Task WriteAsync(RunReport report, string directory, string? scenarioFile, string? topologyFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var chartsDirectory = Path.Combine(directory, "charts");
        Directory.CreateDirectory(chartsDirectory);

        var charts = ChartRenderer.Render(report.Result);
        foreach (var chart in charts)
        {
            await File.WriteAllBytesAsync(Path.Combine(chartsDirectory, chart.FileName), chart.Png, cancellationToken);
        }
        var markdown = MarkdownReportWriter.Write(report, charts);
        await File.WriteAllTextAsync(Path.Combine(directory, ResultsFile), JsonSerializer.Serialize(report, ReportJsonContext.Default.RunReport), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, SamplesFile), SamplesCsvWriter.Write(report.Result.Intervals), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, MarkdownFile), markdown, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, HtmlFile), HtmlReportWriter.Write(report, markdown, charts), cancellationToken);
        if (scenarioFile is not null && File.Exists(scenarioFile))
        {
            File.Copy(scenarioFile, Path.Combine(directory, "scenario.json"), overwrite: true);
        }
        if (topologyFile is not null && File.Exists(topologyFile))
        {
            File.Copy(topologyFile, Path.Combine(directory, "topology.json"), overwrite: true);
        }
    }
}
