using Ceiba.Testing.Fabric;
using System.Diagnostics;
using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Orderer.Tests.Node;

/// <summary><c>network orderer --config</c> as a real process.</summary>
public sealed class OrdererCommandTests : IDisposable
{
    private readonly TestNetwork _network = TestNetwork.Generate("seed");

    [Fact]
    public async Task The_orderer_command_serves_broadcast_and_deliver_over_tls_and_reports_healthy()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var name = _network.OrdererNames[0];
        var config = _network.Config(name);
        using var process = NetworkHost.Start("orderer", "--config", _network.NodeConfig(name));
        using var http = new HttpClient();
        using var signer = _network.Client();
        using var client = OrdererClient.For(_network, name);

        try
        {
            // Act
            var healthy = await WaitHealthyAsync(http, config.Listen.OperationsPort!.Value, ct);
            var (envelope, txId) = Envelopes.Transaction(signer, _network.Channel);
            var responses = await client.BroadcastAsync([envelope], ct);
            var (blocks, status) = await client.DeliverAsync(Envelopes.Seek(signer, _network.Channel, Envelopes.Oldest, Envelopes.Newest), ct);

            // Assert
            Assert.True(healthy, "the orderer process did not report healthy within 30 s");
            Assert.Equal(Status.Success, responses[0].Status);
            Assert.Equal(Status.Success, status);
            Assert.Contains(txId, blocks.SelectMany(Envelopes.TxIds));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
        }
    }

    [Fact]
    public async Task A_missing_config_file_is_named_in_the_error()
    {
        // Arrange
        var missing = Path.Combine(_network.Root, "nodes", "nowhere.json");
        using var process = NetworkHost.Start("orderer", "--config", missing);

        // Act
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(2, process.ExitCode);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _network.Dispose();


    private static async Task<bool> WaitHealthyAsync(HttpClient http, int port, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health", cancellationToken)).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }
}
