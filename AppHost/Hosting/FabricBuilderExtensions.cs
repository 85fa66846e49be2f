using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Ceiba.AppHost.Resources;
using Ceiba.Network.Orderer;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Hosting;

/// <summary>
/// Adds the network's parts as Aspire resources. Each method works for both runtimes: the embedded runtime runs
/// <c>network orderer|peer --config nodes/&lt;name&gt;.json</c> as project resources, the fabric runtime runs the
/// official images as containers. Either way a node is ready when its operations endpoint answers <c>/health</c>.
/// </summary>
public static partial class FabricBuilderExtensions
{
    /// <summary>The endpoint name of a node's operations port (<c>/health</c>, metrics).</summary>
    public const string OperationsEndpoint = "operations";

    /// <summary>The endpoint name of a node's main gRPC port.</summary>
    public const string GrpcEndpoint = "grpc";

    /// <summary>Generates or reuses the network material for <paramref name="options"/> before any resource is added.</summary>
    public static FabricNetwork AddFabricNetwork(this IDistributedApplicationBuilder builder, HarnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return FabricNetwork.GenerateOrReuse(options);
    }

    /// <summary>Adds the ordering node <paramref name="node"/>.</summary>
    public static IResourceBuilder<IFabricNodeResource> AddFabricOrderer(this IDistributedApplicationBuilder builder, FabricNetwork network, NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(node);
        return network.Runtime == FabricRuntime.Embedded
            ? builder.AddEmbeddedNode(new FabricOrdererResource(node.Name, NetworkExecutable, node, network.Root), "orderer").WithEnvironment(OrdererNodeOptions.RuntimeEnvironment)
            : builder.AddFabricContainer(network, node);
    }

    /// <summary>Adds the peer <paramref name="node"/>.</summary>
    public static IResourceBuilder<IFabricNodeResource> AddFabricPeer(this IDistributedApplicationBuilder builder, FabricNetwork network, NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(node);
        return network.Runtime == FabricRuntime.Embedded
            ? builder.AddEmbeddedNode(new FabricPeerResource(node.Name, NetworkExecutable, node, network.Root), "peer")
            : builder.AddFabricContainer(network, node);
    }

    /// <summary>Adds the certificate authority <paramref name="node"/> (the fabric runtime only).</summary>
    /// <exception cref="NotSupportedException">The embedded runtime has no CA node yet.</exception>
    public static IResourceBuilder<IFabricNodeResource> AddFabricCa(this IDistributedApplicationBuilder builder, FabricNetwork network, NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(node);
        if (network.Runtime == FabricRuntime.Embedded)
        {
            throw new NotSupportedException($"{node.Name}: the embedded runtime has no CA node; its identities come from 'network generate'.");
        }
        return builder.AddFabricContainer(network, node);
    }

    /// <summary>Adds one org's EHR chaincode server; in both runtimes it is the C# CCaaS server of <c>Chaincode/Ehr</c>.</summary>
    public static IResourceBuilder<ChaincodeResource> AddChaincode(this IDistributedApplicationBuilder builder, FabricNetwork network, ChaincodeServerConfig server)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(server);
        var healthCheck = $"{server.Name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new(healthCheck, _ => new TcpConnectHealthCheck(server.Address), failureStatus: null, tags: null));
        var command = BuiltExecutables.Find(new Projects.Ceiba_Chaincode_Ehr(), "Ceiba.Chaincode.Ehr");
        return builder.AddResource(new ChaincodeResource(server.Name, command, server))
            .WithOtlpExporter()
            .WithEndpoint(port: server.Port, scheme: "tcp", name: "chaincode", isProxied: false)
            .WithEnvironment("CHAINCODE_SERVER_ADDRESS", ChaincodeListenAddress(network, server))
            .WithEnvironment("CHAINCODE_ID", ChaincodeId(network, server))
            // The gen0 budget keeps a chaincode process under 100 MB; only the environment variable takes effect.
            .WithEnvironment("DOTNET_GCgen0size", "0x400000")
            .WithHealthCheck(healthCheck)
            .WithNodeCommands();
    }

    /// <summary>
    /// The fabric runtime's one-shot setup (osnadmin channel join on every orderer, peer channel join, CCaaS install,
    /// approve and commit), waiting for every node; null for the embedded runtime, whose nodes join from their node configs.
    /// </summary>
    public static IResourceBuilder<IResource>? AddFabricNetworkSetup(this IDistributedApplicationBuilder builder, FabricNetwork network, IReadOnlyList<IResourceBuilder<IFabricNodeResource>> orderers, IReadOnlyList<IResourceBuilder<IFabricNodeResource>> peers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(orderers);
        ArgumentNullException.ThrowIfNull(peers);
        if (network.Runtime == FabricRuntime.Embedded)
        {
            return null;
        }
        IResourceBuilder<IResource>? setup = null;
        AddFabricSetupContainer(builder, network, [.. orderers, .. peers], ref setup);
        return setup ?? throw new HarnessOptionsException(
            "--runtime fabric: this build has no container specifications for the fabric runtime (AppHost/Runtimes/Fabric); use --runtime embedded.");
    }

    /// <summary>Waits for <paramref name="setup"/> to complete successfully, when there is one.</summary>
    public static IResourceBuilder<T> WaitForCompletionOf<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource>? setup)
        where T : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        return setup is null ? builder : builder.WaitForCompletion(setup);
    }

    /// <summary>Waits for every resource in <paramref name="dependencies"/>.</summary>
    public static IResourceBuilder<T> WaitForAll<T>(this IResourceBuilder<T> builder, IEnumerable<IResourceBuilder<IResource>> dependencies)
        where T : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependencies);
        foreach (var dependency in dependencies)
        {
            builder.WaitFor(dependency);
        }
        return builder;
    }

    private static IResourceBuilder<IFabricNodeResource> WithEnvironment(this IResourceBuilder<IFabricNodeResource> builder, IReadOnlyDictionary<string, string> environment)
    {
        foreach (var (name, value) in environment)
        {
            builder.WithEnvironment(name, value);
        }

        return builder;
    }

    private static IResourceBuilder<IFabricNodeResource> AddEmbeddedNode<TResource>(this IDistributedApplicationBuilder builder, TResource resource, string command)
        where TResource : ExecutableResource, IFabricNodeResource
    {
        var node = resource.Node;
        var operations = node.Listen.OperationsPort
            ?? throw new HarnessOptionsException($"{node.Name}: the node config has no operations port, so the node has no /health to wait for.");
        return builder.AddResource(resource)
            .WithOtlpExporter()
            .WithArgs(command, "--config", Path.Combine(resource.NetworkRoot, OutputLayoutNodeConfig(node)))
            .WithEndpoint(port: node.Listen.Port, scheme: node.TlsEnabled ? "https" : "http", name: GrpcEndpoint, isProxied: false)
            .WithHttpEndpoint(port: operations, name: OperationsEndpoint, isProxied: false)
            .WithHttpHealthCheck("/health", endpointName: OperationsEndpoint)
            .WithNodeCommands();
    }

    private static string NetworkExecutable => BuiltExecutables.Find(new Projects.Ceiba_Network_Node(), "network");

    private static string OutputLayoutNodeConfig(NodeConfig node) => Network.Topology.Generation.OutputLayout.NodeConfig(node.Name);

    private static string ChaincodeListenAddress(FabricNetwork network, ChaincodeServerConfig server) =>
        // Fabric's peers run in containers and reach the host's chaincode servers through host.docker.internal.
        network.Runtime == FabricRuntime.Fabric ? $"0.0.0.0:{server.Port}" : server.Address;

    private static string ChaincodeId(FabricNetwork network, ChaincodeServerConfig server)
    {
        string? packageId = null;
        FabricChaincodePackageId(network, server, ref packageId);
        // The embedded peer dials by address and does not check the id; Fabric's peers need the installed package id.
        return packageId ?? $"{server.Chaincode.Label}:embedded";
    }

    private static IResourceBuilder<IFabricNodeResource> AddFabricContainer(this IDistributedApplicationBuilder builder, FabricNetwork network, NodeConfig node)
    {
        IResourceBuilder<IFabricNodeResource>? container = null;
        AddFabricContainer(builder, network, node, ref container);
        return container ?? throw new HarnessOptionsException(
            $"--runtime fabric: this build has no container specifications for the fabric runtime (AppHost/Runtimes/Fabric); use --runtime embedded.");
    }

    /// <summary>The fabric runtime's container for <paramref name="node"/>; implemented in FabricRuntimeResources.cs.</summary>
    static partial void AddFabricContainer(IDistributedApplicationBuilder builder, FabricNetwork network, NodeConfig node, ref IResourceBuilder<IFabricNodeResource>? container);

    /// <summary>The fabric runtime's setup container; implemented in FabricRuntimeResources.cs.</summary>
    static partial void AddFabricSetupContainer(IDistributedApplicationBuilder builder, FabricNetwork network, IReadOnlyList<IResourceBuilder<IFabricNodeResource>> nodes, ref IResourceBuilder<IResource>? setup);

    /// <summary>The CCaaS package id the fabric runtime installs; implemented in FabricRuntimeResources.cs.</summary>
    static partial void FabricChaincodePackageId(FabricNetwork network, ChaincodeServerConfig server, ref string? packageId);
}
