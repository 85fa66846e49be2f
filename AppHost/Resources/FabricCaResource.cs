using Aspire.Hosting.ApplicationModel;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Resources;

/// <summary>
/// An org's certificate authority, a <c>hyperledger/fabric-ca</c> container of the fabric runtime. The embedded
/// runtime has no CA node yet: its identities come from <c>network generate</c>, as cryptogen's do.
/// </summary>
/// <param name="name">The resource name, the node name, e.g. <c>ca-habana</c>.</param>
/// <param name="node">The CA's generated config.</param>
/// <param name="networkRoot">The network's output root.</param>
public sealed class FabricCaResource(string name, NodeConfig node, string networkRoot) : ContainerResource(name), IFabricNodeResource
{
    /// <inheritdoc />
    public NodeConfig Node { get; } = node;

    /// <inheritdoc />
    public string NetworkRoot { get; } = networkRoot;
}
