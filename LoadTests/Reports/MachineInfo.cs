using System.Globalization;
using System.Runtime.InteropServices;

namespace Ceiba.LoadTests.Reports;

/// <summary>The machine a run was measured on, so figures are never quoted without it.</summary>
/// <param name="LoadAverage">The 1, 5 and 15 minute load averages from /proc/loadavg, when readable.</param>
public sealed record MachineInfo(
    string HostName,
    int Cores,
    double MemoryMegabytes,
    string OperatingSystem,
    string Architecture,
    string DotNet,
    IReadOnlyList<double> LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        Math.Round(TotalMemoryBytes() / 1048576.0, 0),
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        ReadLoadAverage());

    /// <summary>The 1, 5 and 15 minute load averages, or empty when /proc/loadavg cannot be read.</summary>
    public static IReadOnlyList<double> ReadLoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Take(3)
                .Select(field => double.Parse(field, CultureInfo.InvariantCulture))
                .ToList();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException)
        {
            return [];
        }
    }

    private static long TotalMemoryBytes()
    {
        var info = GC.GetGCMemoryInfo();
        return info.TotalAvailableMemoryBytes;
    }
}
