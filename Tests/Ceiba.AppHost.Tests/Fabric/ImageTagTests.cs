using System.Text.RegularExpressions;
using Ceiba.AppHost.Runtimes.Fabric;

namespace Ceiba.AppHost.Tests.Fabric;

public sealed class ImageTagTests(GeneratedNetworks networks)
{
    [Fact]
    public void The_tags_are_pinned_fabric_2_5_and_ca_1_5_patch_releases()
    {
        // Arrange
        var patch = new Regex(@"^(\d+)\.(\d+)\.(\d+)$");

        // Act
        var fabric = patch.Match(FabricContainerImageTags.FabricTag);
        var ca = patch.Match(FabricContainerImageTags.CaTag);

        // Assert
        Assert.True(fabric.Success, FabricContainerImageTags.FabricTag);
        Assert.Equal(("2", "5"), (fabric.Groups[1].Value, fabric.Groups[2].Value));
        Assert.True(ca.Success, FabricContainerImageTags.CaTag);
        Assert.Equal(("1", "5"), (ca.Groups[1].Value, ca.Groups[2].Value));
    }

    [Fact]
    public void Every_spec_of_a_network_uses_an_official_image_with_a_pinned_tag()
    {
        // Arrange
        var network = networks.Cuba3;
        var folder = FabricNetworkFolder.Open(network.OutputDirectory);

        // Act
        var specs = folder.Nodes("orderer").Select(n => FabricContainerSpecs.Orderer(network.OutputDirectory, n))
            .Concat(folder.Nodes("peer").Select(n => FabricContainerSpecs.Peer(network.OutputDirectory, n)))
            .Concat(folder.Nodes("ca").Select(n => FabricContainerSpecs.Ca(network.OutputDirectory, n)))
            .Append(FabricContainerSpecs.NetworkSetup(network.OutputDirectory, network.Topology))
            .ToList();

        // Assert
        Assert.Equal(3 + 3 + 3 + 1, specs.Count);
        Assert.Equal(specs.Count, specs.Select(s => s.Name).Distinct().Count());
        Assert.All(specs, s =>
        {
            Assert.Equal("docker.io", s.Registry);
            Assert.StartsWith("hyperledger/fabric-", s.Image, StringComparison.Ordinal);
            Assert.NotEqual("latest", s.Tag);
            Assert.Equal(s.Image == FabricContainerImageTags.CaImage ? FabricContainerImageTags.CaTag : FabricContainerImageTags.FabricTag, s.Tag);
        });
        var ports = specs.SelectMany(s => s.Ports).Select(p => p.HostPort).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
    }
}
