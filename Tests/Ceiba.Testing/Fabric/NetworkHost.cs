using System.Diagnostics;

namespace Ceiba.Testing.Fabric;

/// <summary>Starts the <c>network</c> host (Network/Node, copied beside each test assembly that references it) as a real process.</summary>
public static class NetworkHost
{
    /// <summary>
    /// Starts <c>dotnet network.dll &lt;arguments&gt;</c> with standard error redirected for the test to read;
    /// standard output is drained so a chatty node never blocks on a full pipe.
    /// </summary>
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "network.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started to run network.dll.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }
}
