using System.Globalization;

namespace Ceiba.LoadTests.Metrics.Resources;

/// <summary>Reads a Linux process's CPU time and resident memory from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
internal static class ProcStat
{
    // USER_HZ is 100 on every Linux ABI .NET runs on; /proc reports CPU time in these ticks.
    private const double TicksPerSecond = 100;

    /// <summary>The process's user plus system CPU time and its RSS, or null when it is gone or unreadable.</summary>
    public static (TimeSpan Cpu, long RssBytes)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The command name (field 2) is in parentheses and may contain spaces; fields after it are fixed.
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }
        var fields = text[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state): utime is field 14, stime 15, rss 24.
        if (fields.Length < 22
            || !long.TryParse(fields[11], NumberStyles.Integer, CultureInfo.InvariantCulture, out var user)
            || !long.TryParse(fields[12], NumberStyles.Integer, CultureInfo.InvariantCulture, out var system)
            || !long.TryParse(fields[21], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rssPages))
        {
            return null;
        }
        return (TimeSpan.FromSeconds((user + system) / TicksPerSecond), rssPages * Environment.SystemPageSize);
    }

    /// <summary>The process's command line arguments (NUL-separated in /proc), or empty when unreadable.</summary>
    public static string[] CommandLine(int pid)
    {
        try
        {
            var raw = File.ReadAllText($"/proc/{pid}/cmdline");
            return raw.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// One environment variable of the process, or for a null <paramref name="name"/> the whole environment as
    /// NUL-separated text; null when unreadable.
    /// </summary>
    public static string? ReadEnvironment(int pid, string? name)
    {
        string raw;
        try
        {
            raw = File.ReadAllText($"/proc/{pid}/environ");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (name is null)
        {
            return raw;
        }
        var prefix = name + "=";
        foreach (var entry in raw.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith(prefix, StringComparison.Ordinal))
            {
                return entry[prefix.Length..];
            }
        }
        return null;
    }

    /// <summary>The process's working directory, or null when unreadable.</summary>
    public static string? WorkingDirectory(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: false)?.FullName;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The ids of every process visible in /proc.</summary>
    public static IEnumerable<int> ProcessIds()
    {
        if (!Directory.Exists("/proc"))
        {
            yield break;
        }
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }
}
