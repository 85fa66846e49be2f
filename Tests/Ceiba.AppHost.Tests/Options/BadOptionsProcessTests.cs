using System.Diagnostics;

namespace Ceiba.AppHost.Tests.Options;

/// <summary>The built AppHost, run as <c>dotnet run --project AppHost</c> runs it, rejects bad options with exit code 2 and one line.</summary>
public sealed class BadOptionsProcessTests
{
    [Theory]
    [InlineData("--runtime", "docker", "ceiba: --runtime: \"docker\" is not a runtime; expected embedded or fabric.")]
    [InlineData("--topology", "cuba-99", "ceiba: --topology: \"cuba-99\" is neither a shipped topology (seed, cuba-3, cuba-national) nor an existing topology file.")]
    public async Task A_bad_option_exits_2_with_one_line_naming_it(string option, string value, string expected)
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo(AppHostPaths.Executable, [option, value]) { RedirectStandardError = true, RedirectStandardOutput = true };

        // Act
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        // Assert
        Assert.Equal(2, process.ExitCode);
        Assert.Equal(expected, (await stderr).TrimEnd());
        Assert.DoesNotContain("Exception", await stdout);
    }
}
