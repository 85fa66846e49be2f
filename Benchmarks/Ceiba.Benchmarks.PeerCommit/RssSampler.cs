namespace Ceiba.Benchmarks.PeerCommit;

/// <summary>Samples a process's resident set size (VmRSS in /proc/&lt;pid&gt;/status, Linux) every 250 ms and keeps the peak.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RssSampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    public long PeakKilobytes { get; private set; }

    public long LastKilobytes { get; private set; }

    public long ReadKilobytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            LastKilobytes = ReadKilobytes();
            PeakKilobytes = Math.Max(PeakKilobytes, LastKilobytes);
            try
            {
                await Task.Delay(250, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
