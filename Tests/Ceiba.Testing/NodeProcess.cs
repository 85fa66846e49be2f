using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Ceiba.Testing.Internal;

namespace Ceiba.Testing;

/// <summary>A running node script. Its stdout arrives line by line; disposing kills the process tree.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _script;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stderr = new();
    private int _id;
    private bool _disposed;

    private NodeProcess(Process process, string script)
    {
        _process = process;
        _script = script;
    }

    /// <summary>The operating-system process id.</summary>
    public int Id => _id;

    /// <summary>True once the process has exited (always after disposal).</summary>
    public bool HasExited => _disposed || _process.HasExited;

    /// <summary>The process's stdin, for scripts that take commands while they run.</summary>
    public StreamWriter StandardInput => _process.StandardInput;

    /// <summary>Everything written to stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    internal static NodeProcess Start(
        string script,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        var process = ProcessRunner.Create("node", arguments, workingDirectory, environment);
        var handle = new NodeProcess(process, script);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                handle._lines.Writer.TryComplete();
            }
            else
            {
                handle._lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (handle._stderr)
                {
                    handle._stderr.AppendLine(e.Data);
                }
            }
        };
        ProcessRunner.StartOrExplain(process);
        handle._id = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return handle;
    }

    /// <summary>The next stdout line, or null once stdout has closed.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        while (await _lines.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_lines.Reader.TryRead(out var line))
            {
                return line;
            }
        }
        return null;
    }

    /// <summary>Reads stdout until a line matches; fails with stderr if the process ends or the time passes first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            while (await ReadLineAsync(cts.Token).ConfigureAwait(false) is { } line)
            {
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NodeInteropException($"node {_script} printed no matching line within {timeout}.{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}");
        }
        throw new NodeInteropException($"node {_script} closed stdout before printing a matching line.{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}");
    }

    /// <summary>Kills the process tree and waits for it to go.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // Did not exit within the grace period; nothing more to do.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
