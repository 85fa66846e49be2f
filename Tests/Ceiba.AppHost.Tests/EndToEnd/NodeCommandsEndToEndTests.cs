using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Ceiba.AppHost.Hosting;
using Ceiba.Testing.Fabric;

namespace Ceiba.AppHost.Tests.EndToEnd;

/// <summary>The dashboard's fault-injection commands on a running seed network: a killed peer comes back healthy when started again.</summary>
public sealed class NodeCommandsEndToEndTests
{
    [Fact]
    public async Task Crash_node_kills_the_peer_and_start_node_brings_it_back_healthy()
    {
        // Arrange
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        var directory = Directory.CreateTempSubdirectory("ceiba-apphost-commands-").FullName;
        try
        {
            var topology = FreePortTopology.Write("seed", directory);
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Ceiba_AppHost>(
                ["--topology", topology, "--scenario", "none", "--network-dir", Path.Combine(directory, "net")], timeout.Token);
            await using var app = await builder.BuildAsync(timeout.Token);
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("peer0-habana", timeout.Token);

            // Act
            var crash = await app.ResourceCommands.ExecuteCommandAsync("peer0-habana", NodeCommands.Crash, timeout.Token);
            var stopped = await app.ResourceNotifications.WaitForResourceAsync(
                "peer0-habana", e => e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state), timeout.Token);
            var start = await app.ResourceCommands.ExecuteCommandAsync("peer0-habana", NodeCommands.Start, timeout.Token);
            var healthy = await app.ResourceNotifications.WaitForResourceHealthyAsync("peer0-habana", timeout.Token);

            // Assert
            Assert.True(crash.Success, crash.Message);
            Assert.NotEqual(0, stopped.Snapshot.ExitCode ?? 0);
            Assert.True(start.Success, start.Message);
            Assert.Equal(KnownResourceStates.Running, healthy.Snapshot.State?.Text);
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A node still closing a file: the temp directory is left behind.
            }
        }
    }
}
