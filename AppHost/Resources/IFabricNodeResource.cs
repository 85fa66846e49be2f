using Aspire.Hosting.ApplicationModel;
using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Resources;

/// <summary>A Fabric node of the network, whichever runtime starts it: its node config and the network root it lives in.</summary>
public interface IFabricNodeResource : IResourceWithEnvironment, IResourceWithArgs, IResourceWithEndpoints, IResourceWithWaitSupport
{
    /// <summary>The node config <c>network generate</c> wrote for this node.</summary>
    NodeConfig Node { get; }

    /// <summary>The network's output root; the node config's paths are relative to it.</summary>
    string NetworkRoot { get; }
}
