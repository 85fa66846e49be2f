using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Ceiba.AppHost.Hosting;
using Ceiba.AppHost.Resources;

namespace Ceiba.AppHost.Tests.AppModel;

/// <summary>The embedded runtime's app model for cuba-3, read without starting anything.</summary>
public sealed class EmbeddedAppModelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cuba3_has_three_orderers_three_chaincode_servers_three_peers_the_gateway_and_the_workload()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync([], Ct);

        // Act
        // Aspire adds a parameter for the admin password and a hidden rebuilder beside each project resource.
        var names = model.Resources.Where(r => r is not ParameterResource && !r.Name.EndsWith("-rebuilder", StringComparison.Ordinal)).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.Equal(
            ["ehr-habana", "ehr-santiago", "ehr-villaclara", "gateway-api", "loadtests", "orderer0", "orderer1", "orderer2", "peer0-habana", "peer0-santiago", "peer0-villaclara"],
            names);
        Assert.All(["orderer0", "orderer1", "orderer2"], n => model.Resource<FabricOrdererResource>(n));
        Assert.All(["peer0-habana", "peer0-santiago", "peer0-villaclara"], n => model.Resource<FabricPeerResource>(n));
        Assert.All(["ehr-habana", "ehr-santiago", "ehr-villaclara"], n => model.Resource<ChaincodeResource>(n));
        Assert.DoesNotContain(model.Resources, r => r is FabricCaResource);
    }

    [Fact]
    public async Task A_peer_runs_the_network_host_on_its_node_config_and_waits_for_the_orderers_and_its_chaincode()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--topology", "cuba-3"], Ct);
        var peer = model.Resource<FabricPeerResource>("peer0-villaclara");

        // Act
        var args = ResourceConfiguration.Strings(await ResourceConfiguration.ArgsAsync(peer, Ct));
        var waits = AppModelBuilder.WaitsOf(peer);

        // Assert
        Assert.Equal(["peer", "--config", Path.Combine(model.NetworkDirectory, "nodes", "peer0-villaclara.json")], args);
        Assert.True(File.Exists(args[2]));
        Assert.EndsWith(Path.Combine("Network", "Node", "bin", "Debug", "net10.0", "network"), peer.Command);
        Assert.Equal([("ehr-villaclara", WaitType.WaitUntilHealthy), ("orderer0", WaitType.WaitUntilHealthy), ("orderer1", WaitType.WaitUntilHealthy), ("orderer2", WaitType.WaitUntilHealthy)], waits);
    }

    [Fact]
    public async Task Nodes_are_ready_when_their_operations_port_answers_health()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync([], Ct);
        var orderer = model.Resource<FabricOrdererResource>("orderer1");
        var peer = model.Resource<FabricPeerResource>("peer0-santiago");

        // Act
        var ordererEndpoints = orderer.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name);
        var peerEndpoints = peer.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name);

        // Assert
        Assert.Equal(10022, ordererEndpoints[FabricBuilderExtensions.OperationsEndpoint].Port);
        Assert.Equal(10020, ordererEndpoints[FabricBuilderExtensions.GrpcEndpoint].Port);
        Assert.Equal("https", ordererEndpoints[FabricBuilderExtensions.GrpcEndpoint].UriScheme);
        Assert.Equal(11312, peerEndpoints[FabricBuilderExtensions.OperationsEndpoint].Port);
        Assert.Equal(11310, peerEndpoints[FabricBuilderExtensions.GrpcEndpoint].Port);
        Assert.All(new IResource[] { orderer, peer }, r => Assert.Single(r.Annotations.OfType<HealthCheckAnnotation>()));
        Assert.All([.. ordererEndpoints.Values, .. peerEndpoints.Values], e => Assert.False(e.IsProxied));
    }

    [Fact]
    public async Task Orderers_get_the_gen1_budget_from_the_environment_and_peers_do_not()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync([], Ct);
        var orderers = model.Resources.OfType<FabricOrdererResource>().ToList();
        var peer = model.Resource<FabricPeerResource>("peer0-habana");

        // Act
        var ordererEnvironments = await Task.WhenAll(orderers.Select(o => ResourceConfiguration.EnvironmentAsync(o, Ct)));
        var peerEnvironment = await ResourceConfiguration.EnvironmentAsync(peer, Ct);

        // Assert
        Assert.Equal(3, orderers.Count);
        Assert.All(ordererEnvironments, environment => Assert.Equal("0x400000", environment["DOTNET_GCGen1MaxBudget"]));
        Assert.False(peerEnvironment.ContainsKey("DOTNET_GCGen1MaxBudget"));
    }

    [Fact]
    public async Task A_chaincode_server_listens_where_its_peer_dials_with_the_gen0_budget_and_a_connect_health_check()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync([], Ct);
        var chaincode = model.Resource<ChaincodeResource>("ehr-habana");

        // Act
        var environment = await ResourceConfiguration.EnvironmentAsync(chaincode, Ct);

        // Assert
        Assert.Equal("localhost:10390", environment["CHAINCODE_SERVER_ADDRESS"]);
        Assert.EndsWith(Path.Combine("Chaincode", "Ehr", "bin", "Debug", "net10.0", "Ceiba.Chaincode.Ehr"), chaincode.Command);
        Assert.Equal("ehr_1.0:embedded", environment["CHAINCODE_ID"]);
        Assert.Equal("0x400000", environment["DOTNET_GCgen0size"]);
        Assert.Single(chaincode.Annotations.OfType<OtlpExporterAnnotation>());
        Assert.Equal("ehr-habana-accepts-connections", Assert.Single(chaincode.Annotations.OfType<HealthCheckAnnotation>()).Key);
        Assert.Empty(AppModelBuilder.WaitsOf(chaincode));
    }

    [Fact]
    public async Task The_gateway_waits_for_every_peer_and_the_workload_for_the_gateway_and_the_peers()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--scenario", "smoke"], Ct);
        var gateway = model.Resource<ProjectResource>("gateway-api");
        var loadTests = model.Resource<ProjectResource>("loadtests");

        // Act
        var gatewayEnvironment = await ResourceConfiguration.EnvironmentAsync(gateway, Ct);
        var loadTestArgs = await ResourceConfiguration.ArgsAsync(loadTests, Ct);

        // Assert
        Assert.Equal(["peer0-habana", "peer0-santiago", "peer0-villaclara"], AppModelBuilder.WaitsOf(gateway).Select(w => w.Name));
        Assert.Equal(["gateway-api", "peer0-habana", "peer0-santiago", "peer0-villaclara"], AppModelBuilder.WaitsOf(loadTests).Select(w => w.Name).Distinct());
        Assert.Equal(model.NetworkDirectory, gatewayEnvironment["Ceiba__Network__Directory"]);
        Assert.Equal("ehr", gatewayEnvironment["Ceiba__Network__Channel"]);
        Assert.Equal("ehr", gatewayEnvironment["Ceiba__Network__Chaincode"]);
        Assert.Equal("admin@ceiba.local", gatewayEnvironment["Ceiba__Api__DefaultAdmin__Email"]);
        Assert.Equal(AppBuilderExtensions.AdminPasswordParameter, Assert.IsType<ParameterResource>(gatewayEnvironment["Ceiba__Api__DefaultAdmin__Password"]).Name);
        Assert.True(model.Resource<ParameterResource>(AppBuilderExtensions.AdminPasswordParameter).Secret);
        Assert.Equal(["run", "--scenario", "smoke", "--topology", "cuba-3", "--network", model.NetworkDirectory, "--out"], loadTestArgs.Take(8));
        Assert.StartsWith(Path.Combine(AppHostPaths.RepositoryRoot, "out", "reports", "cuba-3-smoke-"), Assert.IsType<string>(loadTestArgs[8]));
        Assert.Equal("--api", loadTestArgs[9]);
        var api = Assert.IsType<EndpointReference>(loadTestArgs[10]);
        Assert.Equal(("gateway-api", "http"), (api.Resource.Name, api.EndpointName));
    }

    [Fact]
    public async Task Scenario_none_starts_no_workload()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--scenario", "none"], Ct);

        // Act
        var workload = model.Resources.SingleOrDefault(r => r.Name == AppBuilderExtensions.LoadTestsName);

        // Assert
        Assert.Null(workload);
        Assert.Contains(model.Resources, r => r.Name == AppBuilderExtensions.GatewayApiName);
    }

    [Fact]
    public async Task Every_node_and_chaincode_server_has_the_crash_stop_and_start_commands()
    {
        // Arrange
        await using var model = await AppModelBuilder.CreateAsync(["--topology", "seed"], Ct);

        // Act
        var commands = model.Resources
            .Where(r => r is IFabricNodeResource or ChaincodeResource)
            .ToDictionary(r => r.Name, r => r.Annotations.OfType<ResourceCommandAnnotation>().Select(c => c.Name).ToList());

        // Assert
        Assert.Equal(["ehr-habana", "orderer0", "peer0-habana"], commands.Keys.Order(StringComparer.Ordinal));
        Assert.All(commands.Values, c => Assert.Equal([NodeCommands.Crash, NodeCommands.Stop, NodeCommands.Start], c));
    }
}
