using Ceiba.Testing;

namespace Ceiba.Network.Protos.Tests;

/// <summary>The Node runner that every interop test (here and in later test projects) relies on.</summary>
public sealed class NodeInteropTests
{
    [Fact]
    public async Task A_failing_script_surfaces_its_exit_code_and_stderr()
    {
        // Arrange
        var options = new NodeRunOptions { Arguments = ["fail"] };

        // Act
        var error = await Assert.ThrowsAsync<NodeInteropException>(
            () => NodeInterop.RunAsync("support/echo.js", options: options, cancellationToken: TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("exited with code 3", error.Message);
        Assert.Contains("echo.js was asked to fail", error.Message);
    }

    [Fact]
    public async Task A_script_that_outlives_its_timeout_is_killed_and_reported()
    {
        // Arrange
        var options = new NodeRunOptions { Arguments = ["hang"], Timeout = TimeSpan.FromSeconds(2) };

        // Act
        var error = await Assert.ThrowsAsync<NodeInteropException>(
            () => NodeInterop.RunAsync("support/echo.js", options: options, cancellationToken: TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("did not finish within", error.Message);
    }

    [Fact]
    public async Task A_started_script_talks_over_stdin_and_stdout_and_dies_on_dispose()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var options = new NodeRunOptions { Environment = new Dictionary<string, string> { ["ECHO_GREETING"] = "hola" } };
        var process = await NodeInterop.StartAsync("support/echo.js", options, ct);

        // Act
        string ready, echoed;
        await using (process)
        {
            ready = await process.WaitForLineAsync(line => line.StartsWith("ready ", StringComparison.Ordinal), TimeSpan.FromSeconds(30), ct);
            await process.StandardInput.WriteLineAsync("habana");
            await process.StandardInput.FlushAsync(ct);
            echoed = await process.WaitForLineAsync(line => line.Length > 0, TimeSpan.FromSeconds(30), ct);
        }

        // Assert
        Assert.Equal($"ready {process.Id} hola", ready);
        Assert.Equal("HABANA", echoed);
        Assert.True(process.HasExited);
        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(process.Id));
    }
}
