using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Ceiba.Testing.Internal;

/// <summary>Starts node/npm with redirected streams, a time limit and a clear error when the tool is missing.</summary>
internal static class ProcessRunner
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Process Create(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo
        {
            FileName = ResolveExecutable(fileName),
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        return new Process { StartInfo = info };
    }

    public static void StartOrExplain(Process process)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new NodeInteropException(
                $"Cannot run '{process.StartInfo.FileName}': {e.Message}. The Fabric interop tests need Node.js (node >= 20 and npm) on PATH; install Node.js and run the tests again.",
                e);
        }
    }

    public static async Task<NodeResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        string standardInput,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var process = Create(fileName, arguments, workingDirectory, environment);
        StartOrExplain(process);

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeoutCts.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeoutCts.Token);
        try
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), timeoutCts.Token).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
            return new NodeResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            Kill(process);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            var errorText = stderr.IsCompletedSuccessfully ? stderr.Result : "(stderr not complete)";
            throw new NodeInteropException(
                e is OperationCanceledException
                    ? $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish within {timeout}.{Environment.NewLine}stderr:{Environment.NewLine}{errorText}"
                    : $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} failed: {e.Message}{Environment.NewLine}stderr:{Environment.NewLine}{errorText}",
                e);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    // npm is a .cmd script on Windows; elsewhere the plain name is found on PATH.
    private static string ResolveExecutable(string fileName) =>
        OperatingSystem.IsWindows() && fileName == "npm" ? "npm.cmd" : fileName;
}
