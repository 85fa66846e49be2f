using System.Diagnostics;

namespace Ceiba.Benchmarks.OrdererLoad;

/// <summary>One <c>network orderer --config</c> process, with its peak resident set size sampled from /proc.</summary>
internal sealed class OrdererProcess : IDisposable
{
    private readonly Process _process;

    public OrdererProcess(string name, string configPath)
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
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } line && (line.StartsWith("warn", StringComparison.Ordinal) || line.StartsWith("fail", StringComparison.Ordinal))) Console.Error.WriteLine($"[{name}] {line}"); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"[{name}] {line}"); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public long PeakRssBytes { get; private set; }

    public void SampleRss()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib))
            {
                PeakRssBytes = Math.Max(PeakRssBytes, kib * 1024);
            }
        }
        catch (IOException)
        {
            // The process ended.
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
