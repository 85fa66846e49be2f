using System.Net;
using System.Net.Sockets;
using Ceiba.Testing;
using Ceiba.Testing.Chaincode;

namespace Ceiba.Chaincode.Shim.Tests.Interop;

/// <summary>
/// The same driver and scenario against the official Node fabric-shim (2.5.8, CCaaS server mode) and against our
/// shim: the driver speaks the real protocol if the Node chaincode works with it, and our shim behaves like Fabric's
/// if the observable results match line by line.
/// </summary>
public sealed class NodeShimInteropTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Our_shim_and_the_official_node_shim_answer_the_driver_identically()
    {
        // Arrange
        var port = FreePort();
        await using var node = await NodeInterop.StartAsync("shim/chaincode.js", new NodeRunOptions
        {
            Environment = new Dictionary<string, string>
            {
                ["CHAINCODE_ID"] = ShimHost.PackageId,
                ["CHAINCODE_SERVER_ADDRESS"] = $"127.0.0.1:{port}",
                ["CORE_CHAINCODE_LOGGING_LEVEL"] = "warning",
            },
        }, Ct);
        await node.WaitForLineAsync(line => line.StartsWith("CEIBA-SHIM-READY", StringComparison.Ordinal), TimeSpan.FromSeconds(60), Ct);
        await using var host = await ShimHost.StartAsync(Ct);

        // Act
        IReadOnlyList<string> fromNode;
        await using (var driver = await ChaincodeDriver.ConnectAsync($"127.0.0.1:{port}", cancellationToken: Ct))
        {
            Assert.Equal(ShimHost.PackageId, driver.ChaincodeId);
            fromNode = await new InteropScenario(driver, Ct).RunAsync();
        }
        IReadOnlyList<string> fromOurs;
        await using (var driver = await host.ConnectAsync(Ct))
        {
            fromOurs = await new InteropScenario(driver, Ct).RunAsync();
        }

        // Assert
        Assert.Equal(31, fromNode.Count);
        Assert.All(fromNode, line => Assert.DoesNotContain("WRONG", line, StringComparison.Ordinal));
        Assert.Contains(fromNode, line => line.StartsWith("range   =>", StringComparison.Ordinal) && line.Contains("key249", StringComparison.Ordinal));
        Assert.Contains(fromNode, line => line.StartsWith("rangeFirst", StringComparison.Ordinal) && line.Contains("earlyCloses=1", StringComparison.Ordinal));
        for (var i = 0; i < fromNode.Count; i++)
        {
            Assert.Equal(fromNode[i], fromOurs[i]);
        }
        Assert.False(node.HasExited, node.StandardError);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
