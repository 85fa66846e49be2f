using Ceiba.AppHost.Resources;

namespace Ceiba.AppHost.Tests.AppModel;

/// <summary>Each shipped topology becomes as many node and chaincode resources as it has nodes.</summary>
public sealed class TopologyAppModelTests
{
    [Theory]
    [InlineData("seed", 1, 1, 1)]
    [InlineData("cuba-3", 3, 3, 3)]
    [InlineData("cuba-national", 5, 16, 16)]
    public async Task Resources_follow_the_topology(string topology, int orderers, int peers, int chaincodeServers)
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--topology", topology], TestContext.Current.CancellationToken);

        // Act
        var resources = model.Resources.ToList();

        // Assert
        Assert.Equal(orderers, resources.OfType<FabricOrdererResource>().Count());
        Assert.Equal(peers, resources.OfType<FabricPeerResource>().Count());
        Assert.Equal(chaincodeServers, resources.OfType<ChaincodeResource>().Count());
        Assert.All(resources.OfType<FabricPeerResource>(), peer => Assert.Equal(peer.Node.Name, peer.Name));
        Assert.All(resources.OfType<IFabricNodeResource>(), node => Assert.True(File.Exists(Path.Combine(node.NetworkRoot, "nodes", node.Name + ".json"))));
    }
}
