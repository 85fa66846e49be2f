using System.Globalization;

namespace Ceiba.Benchmarks.Shim;

/// <summary>Resident memory and CPU time of a process, read from Linux /proc.</summary>
public static class ChildProcessStats
{
    /// <summary>A /proc/&lt;pid&gt;/status field in kB (VmRSS, VmHWM), or -1 when unavailable.</summary>
    public static long StatusKilobytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        return -1;
    }

    /// <summary>User + system CPU time of the process (from /proc/&lt;pid&gt;/stat, 100 ticks per second).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ", utime and stime are fields 12 and 13 (0-based).
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
