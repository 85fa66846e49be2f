using System.Diagnostics;
using System.Globalization;

namespace Ceiba.LoadTests.Metrics.Resources;

/// <summary>
/// The fabric runtime's containers, through <c>docker stats --no-stream</c>. One call takes a second or two, so the
/// probe refreshes in the background and each sample returns the latest answer. When docker is missing or fails, the
/// probe says so in <see cref="Describe"/> and returns nothing.
/// </summary>
public sealed class DockerStatsProbe : IResourceProbe, IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task refresher;
    private volatile IReadOnlyList<ResourceReading> latest = [];
    private volatile string status = "docker stats: waiting for the first answer";

    public DockerStatsProbe(TimeSpan refreshInterval)
    {
        refresher = Task.Run(() => RefreshLoopAsync(refreshInterval, stop.Token));
    }

    public string Describe() => status;

    public IReadOnlyList<ResourceReading> Sample() => latest;

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            refresher.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; nothing else to report on shutdown.
        }
        stop.Dispose();
    }

    /// <summary>Parses lines of <c>name\tcpu%\tused / limit</c> as <c>docker stats --format</c> prints them.</summary>
    internal static IReadOnlyList<ResourceReading> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 3)
            .Select(fields => new ResourceReading(
                fields[0],
                "container",
                double.TryParse(fields[1].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var cpu) ? cpu : 0,
                ParseBytes(fields[2].Split('/')[0].Trim())))
            .ToList();

    internal static long ParseBytes(string text)
    {
        (string Unit, double Scale)[] units =
            [("KiB", 1024), ("MiB", 1 << 20), ("GiB", 1 << 30), ("kB", 1e3), ("MB", 1e6), ("GB", 1e9), ("B", 1)];
        foreach (var (unit, scale) in units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal)
                && double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return (long)(value * scale);
            }
        }
        return 0;
    }

    private async Task RefreshLoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var output = await RunDockerStatsAsync(cancellationToken);
                latest = Parse(output);
                status = $"docker stats: {latest.Count} containers";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
            {
                status = $"docker stats unavailable: {error.Message}";
                return;
            }
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string> RunDockerStatsAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("docker", ["stats", "--no-stream", "--format", "{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker did not start");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"docker stats exited with {process.ExitCode}: {error.Trim()}");
    }
}
