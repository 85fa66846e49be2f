using Aspire.Hosting.ApplicationModel;
using Ceiba.AppHost.Resources;
using Ceiba.AppHost.Runtimes.Fabric;
using Ceiba.AppHost.Tests.AppModel;

namespace Ceiba.AppHost.Tests.FabricContainers;

/// <summary>The fabric runtime's app model for cuba-3: official images as containers, read without Docker.</summary>
public sealed class FabricAppModelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Orderers_peers_and_cas_are_containers_of_the_pinned_official_images()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--runtime", "fabric"], Ct);

        // Act
        var images = model.Resources.OfType<IFabricNodeResource>()
            .ToDictionary(r => r.Name, r => Assert.Single(r.Annotations.OfType<ContainerImageAnnotation>()));

        // Assert
        Assert.Equal(9, images.Count);
        Assert.All(["orderer0", "orderer1", "orderer2"], n => Assert.Equal((FabricContainerImageTags.OrdererImage, FabricContainerImageTags.FabricTag), (images[n].Image, images[n].Tag)));
        Assert.All(["peer0-habana", "peer0-villaclara", "peer0-santiago"], n => Assert.Equal((FabricContainerImageTags.PeerImage, FabricContainerImageTags.FabricTag), (images[n].Image, images[n].Tag)));
        Assert.All(["ca-habana", "ca-villaclara", "ca-santiago"], n => Assert.Equal((FabricContainerImageTags.CaImage, FabricContainerImageTags.CaTag), (images[n].Image, images[n].Tag)));
        Assert.All(images.Values, image => Assert.Equal(FabricContainerImageTags.Registry, image.Registry));
        Assert.Equal(3, model.Resources.OfType<FabricCaResource>().Count());
    }

    [Fact]
    public async Task A_peer_container_mounts_the_generated_material_and_is_ready_on_its_operations_healthz()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--runtime", "fabric"], Ct);
        var peer = model.Resource<FabricNodeContainerResource>("peer0-habana");
        var spec = FabricContainerSpecs.Peer(model.NetworkDirectory, peer.Node);

        // Act
        var mounts = peer.Annotations.OfType<ContainerMountAnnotation>().Select(m => (m.Source, m.Target, m.IsReadOnly)).ToList();
        var environment = await ResourceConfiguration.EnvironmentAsync(peer, Ct);
        var endpoints = peer.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name);

        // Assert
        Assert.Equal(spec.Mounts.Select(m => ((string?)m.Source, m.Target, m.ReadOnly)), mounts);
        Assert.All(mounts, m => Assert.StartsWith(model.NetworkDirectory, m.Source));
        Assert.All(spec.Environment, variable => Assert.Equal(variable.Value, environment[variable.Key]));
        Assert.Equal(10312, endpoints["operations"].Port);
        Assert.Single(peer.Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public async Task The_setup_container_waits_for_every_node_and_the_gateway_waits_for_it_to_complete()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--runtime", "fabric", "--scenario", "none"], Ct);
        var setup = model.Resources.Single(r => r.Name == FabricContainerSpecs.NetworkSetupName);
        var gateway = model.Resources.Single(r => r.Name == "gateway-api");

        // Act
        var setupWaits = AppModelBuilder.WaitsOf(setup);
        var gatewayWaits = AppModelBuilder.WaitsOf(gateway);

        // Assert
        Assert.Equal(["orderer0", "orderer1", "orderer2", "peer0-habana", "peer0-santiago", "peer0-villaclara"], setupWaits.Select(w => w.Name));
        Assert.Contains((FabricContainerSpecs.NetworkSetupName, WaitType.WaitForCompletion), gatewayWaits);
    }

    [Fact]
    public async Task A_chaincode_server_registers_as_the_installed_package_and_listens_on_all_interfaces()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--runtime", "fabric"], Ct);
        var chaincode = model.Resource<ChaincodeResource>("ehr-santiago");

        // Act
        var environment = await ResourceConfiguration.EnvironmentAsync(chaincode, Ct);

        // Assert
        Assert.Equal("0.0.0.0:11390", environment["CHAINCODE_SERVER_ADDRESS"]);
        Assert.Matches("^ehr_1\\.0:[0-9a-f]{64}$", Assert.IsType<string>(environment["CHAINCODE_ID"]));
    }
}
