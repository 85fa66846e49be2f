using System.Diagnostics;

namespace Ceiba.LoadTests.Metrics.Resources;

/// <summary>Turns successive cumulative CPU times of one process into CPU percent over the elapsed wall time.</summary>
internal sealed class CpuMeter
{
    private TimeSpan lastCpu;
    private long lastTimestamp;

    public double Next(TimeSpan cumulativeCpu)
    {
        var now = Stopwatch.GetTimestamp();
        var percent = 0.0;
        if (lastTimestamp != 0)
        {
            var wall = Stopwatch.GetElapsedTime(lastTimestamp, now);
            percent = wall > TimeSpan.Zero ? Math.Max(0, (cumulativeCpu - lastCpu) / wall * 100) : 0;
        }
        lastCpu = cumulativeCpu;
        lastTimestamp = now;
        return Math.Round(percent, 1);
    }
}
