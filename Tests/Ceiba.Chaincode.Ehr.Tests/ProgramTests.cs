using System.Diagnostics;

namespace Ceiba.Chaincode.Ehr.Tests;

/// <summary>The EHR chaincode executable, started as a real process.</summary>
public class ProgramTests
{
    [Fact]
    public async Task Without_its_CCaaS_settings_the_server_exits_with_a_clear_message()
    {
        // Arrange
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Ceiba.Chaincode.Ehr.dll"));
        start.Environment.Remove("CHAINCODE_SERVER_ADDRESS");
        start.Environment.Remove("CHAINCODE_ID");

        // Act
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("CHAINCODE_SERVER_ADDRESS is not set", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
