using System.Diagnostics;

namespace Ceiba.Network.Node.Tests.Generate;

/// <summary>The <c>network generate</c> command line, run as a real process.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("ceiba-cli-").FullName;

    [Fact]
    public async Task Generates_a_shipped_topology_by_name()
    {
        // Arrange
        var output = Path.Combine(_scratch, "seed");

        // Act
        var (exitCode, stdout, stderr) = await RunAsync("generate", "--topology", "seed", "--out", output);

        // Assert
        Assert.True(exitCode == 0, stderr);
        Assert.Contains("Generated network 'seed'", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "channel-artifacts", "ehr.block")));
    }

    [Fact]
    public async Task A_missing_topology_file_is_named_in_the_error()
    {
        // Arrange
        var missing = Path.Combine(_scratch, "nowhere.json");

        // Act
        var (exitCode, _, stderr) = await RunAsync("generate", "--topology", missing, "--out", Path.Combine(_scratch, "out"));

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
        Assert.Contains("cuba-3", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_topology_is_rejected_with_the_json_path_value_and_expectation()
    {
        // Arrange
        var seed = await File.ReadAllTextAsync(Ceiba.Network.Topology.BuiltInTopologies.GetPath("seed"), TestContext.Current.CancellationToken);
        var broken = Path.Combine(_scratch, "broken.json");
        await File.WriteAllTextAsync(broken, seed.Replace("\"timeout\": \"2s\"", "\"timeout\": \"0s\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        // Act
        var (exitCode, _, stderr) = await RunAsync("generate", "--topology", broken, "--out", Path.Combine(_scratch, "out"));

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains("$.orderers.batch.timeout", stderr, StringComparison.Ordinal);
        Assert.Contains("\"0s\"", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_scratch, "out")));
    }

    [Fact]
    public async Task An_unwritable_output_directory_is_named_in_the_error()
    {
        // Arrange: a regular file where a directory must be created; root can write anywhere else.
        var file = Path.Combine(_scratch, "a-file");
        await File.WriteAllTextAsync(file, "not a directory", TestContext.Current.CancellationToken);
        var output = Path.Combine(file, "network");

        // Act
        var (exitCode, _, stderr) = await RunAsync("generate", "--topology", "seed", "--out", output);

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains(output, stderr, StringComparison.Ordinal);
        Assert.Contains("cannot write", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_option_is_reported_by_name()
    {
        // Act
        var (exitCode, _, stderr) = await RunAsync("generate", "--topology", "seed");

        // Assert
        Assert.NotEqual(0, exitCode);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "network.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
