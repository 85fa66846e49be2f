using Ceiba.LoadTests.Engine;
using ScottPlot;

namespace Ceiba.LoadTests.Reports;

/// <summary>Draws the report's charts with ScottPlot: throughput, latency over time, latency distribution, provinces, resources and saturation steps.</summary>
public static class ChartRenderer
{
    private const int Width = 900;
    private const int Height = 420;

    /// <summary>Every chart the run has data for.</summary>
    public static IReadOnlyList<Chart> Render(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var charts = new List<Chart>
        {
            Throughput(result),
            LatencyOverTime(result),
            LatencyDistribution(result),
        };
        if (Provinces(result) is { } provinces)
        {
            charts.Add(provinces);
        }
        charts.AddRange(Resources(result));
        if (Saturation(result) is { } saturation)
        {
            charts.Add(saturation);
        }
        return charts;
    }

    private static Chart Throughput(RunResult result)
    {
        var plot = NewPlot("Throughput over time", "seconds since warm-up ended", "transactions per second");
        var seconds = result.Intervals.Select(point => (double)point.Second).ToArray();
        AddLine(plot, seconds, result.Intervals.Select(point => (double)point.Started).ToArray(), "send rate (started/s)");
        AddLine(plot, seconds, result.Intervals.Select(point => (double)point.Succeeded).ToArray(), "goodput (succeeded/s)");
        AddLine(plot, seconds, result.Intervals.Select(point => (double)point.SucceededWrites).ToArray(), "VALID commits/s");
        AddLine(plot, seconds, result.Intervals.Select(point => (double)point.Failed).ToArray(), "failed/s");
        return Finish(plot, "throughput.png");
    }

    private static Chart LatencyOverTime(RunResult result)
    {
        var plot = NewPlot("End-to-end latency over time", "seconds since warm-up ended", "milliseconds");
        var seconds = result.Intervals.Select(point => (double)point.Second).ToArray();
        AddLine(plot, seconds, result.Intervals.Select(point => point.EndToEndP50).ToArray(), "p50");
        AddLine(plot, seconds, result.Intervals.Select(point => point.EndToEndP90).ToArray(), "p90");
        AddLine(plot, seconds, result.Intervals.Select(point => point.EndToEndP99).ToArray(), "p99");
        AddLine(plot, seconds, result.Intervals.Select(point => point.EndToEndMax).ToArray(), "max");
        return Finish(plot, "latency-over-time.png");
    }

    /// <summary>Latency by percentile per stage, on a scale that spreads the tail (x = number of nines).</summary>
    private static Chart LatencyDistribution(RunResult result)
    {
        var plot = NewPlot("Latency distribution by stage", "percentile", "milliseconds");
        foreach (var stage in result.Metrics.Stages)
        {
            var points = stage.Distribution.Where(point => point.Percentile < 100).ToList();
            AddLine(plot, points.Select(point => Nines(point.Percentile)).ToArray(), points.Select(point => point.Milliseconds).ToArray(), stage.Stage);
        }
        double[] ticks = [0, 50, 90, 99, 99.9, 99.99, 99.999];
        plot.Axes.Bottom.SetTicks(ticks.Select(Nines).ToArray(), ticks.Select(p => $"{p}%").ToArray());
        return Finish(plot, "latency-distribution.png");
    }

    private static Chart? Provinces(RunResult result)
    {
        var stage = result.Metrics.Stage(StageNames.EndToEnd);
        if (stage is null || stage.ByProvince.Count == 0)
        {
            return null;
        }
        var plot = NewPlot("End-to-end latency per province", "province", "milliseconds");
        var provinces = stage.ByProvince.Keys.ToList();
        var p50 = plot.Add.Bars(provinces.Select((_, i) => (i * 3.0) + 0).ToArray(), provinces.Select(p => stage.ByProvince[p].P50).ToArray());
        p50.LegendText = "p50";
        var p99 = plot.Add.Bars(provinces.Select((_, i) => (i * 3.0) + 1).ToArray(), provinces.Select(p => stage.ByProvince[p].P99).ToArray());
        p99.LegendText = "p99";
        plot.Axes.Bottom.SetTicks(provinces.Select((_, i) => (i * 3.0) + 0.5).ToArray(), provinces.ToArray());
        plot.Axes.Margins(bottom: 0);
        return Finish(plot, "provinces.png");
    }

    private static IEnumerable<Chart> Resources(RunResult result)
    {
        var names = result.Resources.Select(resource => resource.Name).ToList();
        if (names.Count == 0)
        {
            yield break;
        }
        var seconds = result.Intervals.Select(point => (double)point.Second).ToArray();
        var cpu = NewPlot("CPU per process", "seconds since warm-up ended", "percent of one core");
        var memory = NewPlot("Resident memory per process", "seconds since warm-up ended", "MB");
        foreach (var name in names)
        {
            var readings = result.Intervals.Select(point => point.Resources.FirstOrDefault(reading => reading.Name == name)).ToList();
            AddLine(cpu, seconds, readings.Select(reading => reading?.CpuPercent ?? double.NaN).ToArray(), name);
            AddLine(memory, seconds, readings.Select(reading => reading is null ? double.NaN : reading.RssBytes / 1048576.0).ToArray(), name);
        }
        yield return Finish(cpu, "resources-cpu.png");
        yield return Finish(memory, "resources-memory.png");
    }

    private static Chart? Saturation(RunResult result)
    {
        if (result.Saturation is not { Steps.Count: > 0 } saturation)
        {
            return null;
        }
        var plot = NewPlot("Saturation steps", "offered arrivals per second", "transactions per second / milliseconds");
        var offered = saturation.Steps.Select(step => step.OfferedRate).ToArray();
        AddLine(plot, offered, saturation.Steps.Select(step => step.Goodput).ToArray(), "goodput (tx/s)");
        AddLine(plot, offered, saturation.Steps.Select(step => step.EndToEndP99).ToArray(), "end-to-end p99 (ms)");
        if (saturation.KneeOfferedRate is { } knee)
        {
            var line = plot.Add.VerticalLine(knee);
            line.LegendText = "knee";
        }
        return Finish(plot, "saturation.png");
    }

    private static double Nines(double percentile) => -Math.Log10(Math.Max(1e-6, 1 - (percentile / 100)));

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, string label)
    {
        if (xs.Length == 0)
        {
            return;
        }
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = label;
    }

    private static Chart Finish(Plot plot, string fileName)
    {
        plot.ShowLegend(Alignment.UpperLeft);
        var title = plot.Axes.Title.Label.Text;
        return new Chart(fileName, title, plot.GetImageBytes(Width, Height, ImageFormat.Png));
    }
}
