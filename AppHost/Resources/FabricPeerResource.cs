using Aspire.Hosting.ApplicationModel;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Resources;

/// <summary>A peer of one org: endorser, committer, gateway, run by the embedded runtime as a <c>network</c> process.</summary>
/// <param name="name">The resource name, the node name, e.g. <c>peer0</c>.</param>
/// <param name="command">The built <c>network</c> executable.</param>
/// <param name="node">The node's generated config.</param>
/// <param name="networkRoot">The network's output root.</param>
public sealed class FabricPeerResource(string name, string command, NodeConfig node, string networkRoot)
    : ExecutableResource(name, command, networkRoot), IFabricNodeResource
{
    /// <inheritdoc />
    public NodeConfig Node { get; } = node;

    /// <inheritdoc />
    public string NetworkRoot { get; } = networkRoot;
}
