using System.Text.Json;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Gates;
using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Reports;
using Ceiba.LoadTests.Tests.Fakes;

namespace Ceiba.LoadTests.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "ceiba-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<RunReport> RunShortReportAsync(CancellationToken cancellationToken)
    {
        var flow = new FakeFlow { Delay = TimeSpan.FromMilliseconds(2) };
        var scenario = TestScenarios.Open(rate: 50, duration: TimeSpan.FromSeconds(2)) with
        {
            Thresholds = new() { MinThroughput = 1_000_000 },
        };
        var result = await LoadRunner.RunAsync(
            new LoadRunOptions(scenario, flow, new MetricsRecorder())
            {
                Resources = new Ceiba.LoadTests.Metrics.Resources.ResourceSampler([new Ceiba.LoadTests.Metrics.Resources.ClientProcessProbe()]),
            },
            cancellationToken);
        return new RunReport(
            RunReport.CurrentSchemaVersion,
            new ScenarioInfo(scenario.Name, "a test", "gateway", "open", scenario.Seed, "scenario.json"),
            "embedded",
            new TopologyInfo("seed", "/tmp/out/seed", null),
            "fake",
            MachineInfo.Current(),
            MachineInfo.ReadLoadAverage(),
            result,
            GateEvaluator.Evaluate(scenario.Thresholds, result));
    }

    [Fact]
    public async Task The_report_directory_holds_parseable_results_samples_markdown_html_and_charts()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var report = await RunShortReportAsync(cancellationToken);
        var scenarioFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(scenarioFile, "{\"name\":\"copied\"}", cancellationToken);

        // Act
        await ReportWriter.WriteAsync(report, directory, scenarioFile, topologyFile: null, cancellationToken);

        // Assert: results.json parses back and carries the run.
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, ReportWriter.ResultsFile), cancellationToken));
        var root = results.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("embedded", root.GetProperty("runtime").GetString());
        Assert.True(root.GetProperty("machine").GetProperty("cores").GetInt32() > 0);
        var result = root.GetProperty("result");
        Assert.Equal(100, result.GetProperty("metrics").GetProperty("completed").GetInt64());
        Assert.Equal("DurationReached", result.GetProperty("endReason").GetString());
        Assert.Equal(2, result.GetProperty("measuredDuration").GetDouble(), 1);
        Assert.True(result.GetProperty("goodput").GetDouble() > 0);
        Assert.Contains(result.GetProperty("metrics").GetProperty("stages").EnumerateArray(), stage => stage.GetProperty("stage").GetString() == "end-to-end");
        Assert.False(root.GetProperty("gatesPassed").GetBoolean());
        Assert.Equal("throughput", root.GetProperty("gates")[0].GetProperty("gate").GetString());

        // samples.csv: a header and one row per measured second, with the load generator's columns.
        var samples = await File.ReadAllLinesAsync(Path.Combine(directory, ReportWriter.SamplesFile), cancellationToken);
        Assert.StartsWith(SamplesCsvWriter.FixedHeader + ",load_generator_cpu_pct,load_generator_rss_mb", samples[0], StringComparison.Ordinal);
        Assert.True(samples.Length >= 3);
        Assert.Equal(100, samples.Skip(1).Sum(line => long.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)));

        // report.md and report.html, with the charts embedded and written as PNG files.
        var markdown = await File.ReadAllTextAsync(Path.Combine(directory, ReportWriter.MarkdownFile), cancellationToken);
        Assert.Contains("gate", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("**breached**: throughput", markdown, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(directory, ReportWriter.HtmlFile), cancellationToken);
        foreach (var title in new[] { "Throughput over time", "End-to-end latency over time", "Latency distribution by stage", "End-to-end latency per province", "CPU per process", "Resident memory per process" })
        {
            Assert.Contains($"<figcaption>{title}</figcaption>", html, StringComparison.Ordinal);
        }
        Assert.Equal(6, html.Split("src=\"data:image/png;base64,").Length - 1);
        var png = await File.ReadAllBytesAsync(Path.Combine(directory, "charts", "throughput.png"), cancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal("{\"name\":\"copied\"}", await File.ReadAllTextAsync(Path.Combine(directory, "scenario.json"), cancellationToken));
    }
}
