using Aspire.Hosting.ApplicationModel;
using Ceiba.AppHost.Resources;
using Ceiba.AppHost.Runtimes.Fabric;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Hosting;

/// <summary>
/// The fabric runtime's half of <see cref="FabricBuilderExtensions"/>: each node becomes a container of the official
/// image from its <see cref="ContainerSpec"/> (AppHost/Runtimes/Fabric), with the generated material bind-mounted.
/// Compiled only when those specifications are in the tree.
/// </summary>
public static partial class FabricBuilderExtensions
{
    static partial void AddFabricContainer(IDistributedApplicationBuilder builder, FabricNetwork network, NodeConfig node, ref IResourceBuilder<IFabricNodeResource>? container)
    {
        container = node.Role switch
        {
            "orderer" => builder.AddContainerFromSpec(new FabricNodeContainerResource(node.Name, node, network.Root), FabricContainerSpecs.Orderer(network.Root, node)),
            "peer" => builder.AddContainerFromSpec(new FabricNodeContainerResource(node.Name, node, network.Root), FabricContainerSpecs.Peer(network.Root, node)),
            "ca" => builder.AddContainerFromSpec(new FabricCaResource(node.Name, node, network.Root), FabricContainerSpecs.Ca(network.Root, node)),
            _ => throw new HarnessOptionsException($"{node.Name}: role '{node.Role}' has no container in the fabric runtime."),
        };
    }

    static partial void AddFabricSetupContainer(IDistributedApplicationBuilder builder, FabricNetwork network, IReadOnlyList<IResourceBuilder<IFabricNodeResource>> nodes, ref IResourceBuilder<IResource>? setup)
    {
        var spec = FabricContainerSpecs.NetworkSetup(network.Root, network.Topology);
        var resource = builder.AddContainer(spec.Name, spec.Image, spec.Tag)
            .WithImageRegistry(spec.Registry)
            .WithSpec(spec)
            .WaitForAll(nodes);
        setup = resource;
    }

    static partial void FabricChaincodePackageId(FabricNetwork network, ChaincodeServerConfig server, ref string? packageId)
    {
        if (network.Runtime != FabricRuntime.Fabric)
        {
            return;
        }
        // The same package NetworkSetup installs: its id is what the peers expect the server to register as.
        var package = CcaasPackages.Write(FabricNetworkFolder.Open(network.Root), network.Topology)
            .Single(p => p.Chaincode == server.Chaincode.Name && string.Equals(p.Org, server.Org, StringComparison.Ordinal));
        packageId = package.PackageId;
    }

    private static IResourceBuilder<IFabricNodeResource> AddContainerFromSpec<TResource>(this IDistributedApplicationBuilder builder, TResource resource, ContainerSpec spec)
        where TResource : ContainerResource, IFabricNodeResource
    {
        var container = builder.AddResource(resource)
            .WithImage(spec.Image, spec.Tag)
            .WithImageRegistry(spec.Registry)
            .WithSpec(spec)
            .WithNodeCommands();
        if (spec.HealthCheck is { } health)
        {
            container.WithHttpHealthCheck(health.Path, endpointName: health.PortName);
        }
        return container;
    }

    private static IResourceBuilder<T> WithSpec<T>(this IResourceBuilder<T> container, ContainerSpec spec) where T : ContainerResource
    {
        foreach (var (name, value) in spec.Environment)
        {
            container.WithEnvironment(name, value);
        }
        foreach (var mount in spec.Mounts)
        {
            container.WithBindMount(mount.Source, mount.Target, mount.ReadOnly);
        }
        foreach (var port in spec.Ports)
        {
            // Fixed host ports: the connection profiles and node configs name them.
            container.WithEndpoint(port: port.HostPort, targetPort: port.TargetPort, scheme: port.Scheme, name: port.Name, isProxied: false);
        }
        if (spec.Entrypoint is { } entrypoint)
        {
            container.WithEntrypoint(entrypoint);
        }
        if (spec.Args.Count > 0)
        {
            container.WithArgs([.. spec.Args]);
        }
        if (spec.RuntimeArgs.Count > 0)
        {
            container.WithContainerRuntimeArgs([.. spec.RuntimeArgs]);
        }
        if (spec.NetworkAlias is { } alias)
        {
            container.WithContainerNetworkAlias(alias);
        }
        return container;
    }
}
