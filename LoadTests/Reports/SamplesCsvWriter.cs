using System.Globalization;
using System.Text;
using Ceiba.LoadTests.Metrics;

namespace Ceiba.LoadTests.Reports;

/// <summary>
/// Writes <c>samples.csv</c>: one row per second of the measured window, with counts, end-to-end percentiles in
/// milliseconds, and two columns per watched process (<c>&lt;name&gt;_cpu_pct</c>, <c>&lt;name&gt;_rss_mb</c>).
/// </summary>
public static class SamplesCsvWriter
{
    public const string FixedHeader =
        "second,started,completed,succeeded,succeeded_writes,failed,arrivals_scheduled,e2e_p50_ms,e2e_p90_ms,e2e_p99_ms,e2e_max_ms";

    public static string Write(IReadOnlyList<IntervalPoint> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var names = intervals.SelectMany(point => point.Resources.Select(reading => reading.Name)).Distinct(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder(FixedHeader);
        foreach (var name in names)
        {
            csv.Append(CultureInfo.InvariantCulture, $",{Column(name)}_cpu_pct,{Column(name)}_rss_mb");
        }
        csv.Append('\n');
        foreach (var point in intervals)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{point.Second},{point.Started},{point.Completed},{point.Succeeded},{point.SucceededWrites},{point.Failed},{point.ArrivalsScheduled},{point.EndToEndP50},{point.EndToEndP90},{point.EndToEndP99},{point.EndToEndMax}");
            foreach (var name in names)
            {
                var reading = point.Resources.FirstOrDefault(r => r.Name == name);
                if (reading is null)
                {
                    csv.Append(",,");
                }
                else
                {
                    csv.Append(CultureInfo.InvariantCulture, $",{reading.CpuPercent},{Math.Round(reading.RssBytes / 1048576.0, 1)}");
                }
            }
            csv.Append('\n');
        }
        return csv.ToString();
    }

    private static string Column(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
