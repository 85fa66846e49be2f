using System.Diagnostics;
using Ceiba.Network.Orderer;

namespace Ceiba.Benchmarks.OrdererLoad;

/// <summary>One <c>network orderer --config</c> process, with its peak resident set size sampled from /proc.</summary>
internal sealed class OrdererProcess : IDisposable
{
    private readonly Process _process;

    public OrdererProcess(string name, string configPath, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        var network = Path.Combine(AppContext.BaseDirectory, "network.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", network, "orderer", "--config", configPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Ceiba.Network.Orderer.Raft"] = "Information";
        foreach (var (key, value) in OrdererNodeOptions.RuntimeEnvironment.Concat(environment))
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } line && (line.StartsWith("warn", StringComparison.Ordinal) || line.StartsWith("fail", StringComparison.Ordinal) || line.Contains("Ceiba.Network.Orderer.Raft", StringComparison.Ordinal))) Console.Error.WriteLine($"[{name}] {line}"); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"[{name}] {line}"); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>Peak VmRSS: everything resident, memory-mapped WAL files included.</summary>
    public long PeakRssBytes { get; private set; }

    /// <summary>Peak RssAnon: resident anonymous memory (managed heap, native buffers), without file-backed pages.</summary>
    public long PeakAnonymousBytes { get; private set; }

    /// <summary>Peak Pss: resident memory with pages shared among processes (the runtime's mapped files, shared by the three orderers) split between them.</summary>
    public long PeakProportionalBytes { get; private set; }

    /// <summary>VmRSS when sampled once, idle, right after start-up (the runtime's own footprint).</summary>
    public long IdleRssBytes { get; private set; }

    public void SampleIdle()
    {
        SampleRss();
        IdleRssBytes = PeakRssBytes;
    }

    public void SampleRss()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/smaps_rollup"))
            {
                var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (fields is ["Pss:", var value, ..] && long.TryParse(value, out var pss))
                {
                    PeakProportionalBytes = Math.Max(PeakProportionalBytes, pss * 1024);
                }
            }

            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 2 || !long.TryParse(fields[1], out var kib))
                {
                    continue;
                }

                if (fields[0] == "VmRSS:")
                {
                    PeakRssBytes = Math.Max(PeakRssBytes, kib * 1024);
                }
                else if (fields[0] == "RssAnon:")
                {
                    PeakAnonymousBytes = Math.Max(PeakAnonymousBytes, kib * 1024);
                }
            }
        }
        catch (IOException)
        {
            // The process ended.
        }
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
