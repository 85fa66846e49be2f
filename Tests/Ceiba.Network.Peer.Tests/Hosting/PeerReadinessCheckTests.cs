using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Chaincode;
using Ceiba.Network.Peer.Delivery;
using Ceiba.Network.Peer.Hosting;
using Ceiba.Network.Peer.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ceiba.Network.Peer.Tests.Hosting;

public sealed class PeerReadinessCheckTests : IAsyncDisposable
{
    private readonly ValidationHarness _harness = new();

    [Fact]
    public async Task Not_ready_without_an_orderer_connection_or_a_reachable_chaincode_and_the_reason_says_which()
    {
        // Arrange
        var port = FreePorts.Take(1)[0];
        await using var launcher = new ChaincodeLauncher([new ChaincodeEndpoint("ehr", "1.0", $"127.0.0.1:{port}")]);
        var puller = new BlockPuller(_harness.PeerChannel, [], _harness.Issue("HabanaMSP", NodeOURole.Peer));
        var check = new PeerReadinessCheck([puller], launcher);

        // Act
        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("channel ehr is not connected to an orderer", result.Description, StringComparison.Ordinal);
        Assert.Contains("chaincode ehr is not reachable", result.Description, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        _harness.Dispose();
        return ValueTask.CompletedTask;
    }
}
