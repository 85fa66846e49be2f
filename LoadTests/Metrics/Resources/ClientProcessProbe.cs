using System.Diagnostics;

namespace Ceiba.LoadTests.Metrics.Resources;

/// <summary>The load generator's own process: CPU and resident memory.</summary>
public sealed class ClientProcessProbe : IResourceProbe
{
    /// <summary>The name the load generator has in readings and reports.</summary>
    public const string Name = "load-generator";

    private readonly CpuMeter cpu = new();

    /// <summary>The process's total CPU time so far (user plus system).</summary>
    public static TimeSpan TotalCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    public string Describe() => $"load generator: process {Environment.ProcessId}";

    public IReadOnlyList<ResourceReading> Sample()
    {
        using var self = Process.GetCurrentProcess();
        return [new ResourceReading(Name, "client", cpu.Next(self.TotalProcessorTime), self.WorkingSet64)];
    }
}
