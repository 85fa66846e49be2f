using Aspire.Hosting.ApplicationModel;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Resources;

/// <summary>
/// An orderer or peer of the fabric runtime: a container of the official <c>hyperledger/fabric-orderer</c> or
/// <c>fabric-peer</c> image, started from the same node config as the embedded <see cref="FabricOrdererResource"/>
/// and <see cref="FabricPeerResource"/>.
/// </summary>
/// <param name="name">The resource name, the node name, e.g. <c>peer0-habana</c>.</param>
/// <param name="node">The node's generated config.</param>
/// <param name="networkRoot">The network's output root, bind-mounted into the container.</param>
public sealed class FabricNodeContainerResource(string name, NodeConfig node, string networkRoot) : ContainerResource(name), IFabricNodeResource
{
    /// <inheritdoc />
    public NodeConfig Node { get; } = node;

    /// <inheritdoc />
    public string NetworkRoot { get; } = networkRoot;
}
