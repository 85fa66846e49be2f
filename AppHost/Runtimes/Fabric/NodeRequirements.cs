using Ceiba.Network.Topology.Generation.Nodes;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>Checks that a node config can be run by the official images, with errors naming the node and setting.</summary>
internal static class NodeRequirements
{
    /// <summary>The node must have <paramref name="role"/> and serve TLS.</summary>
    public static void Check(NodeConfig node, string role)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Role != role)
        {
            throw new ArgumentException($"Node '{node.Name}' has role '{node.Role}', expected '{role}'.", nameof(node));
        }
        if (!node.TlsEnabled)
        {
            // Raft needs mutual TLS between orderers, and a network is generated with TLS on for all nodes or none.
            throw new FabricRuntimeException(
                $"Node '{node.Name}': tlsEnabled is false, but the fabric runtime needs TLS (Raft ordering requires it); regenerate the network with TLS on.");
        }
    }

    /// <summary>A port the node must define for this role.</summary>
    public static int Port(NodeConfig node, int? port, string setting) =>
        port ?? throw new FabricRuntimeException($"Node '{node.Name}': listen.{setting} is not set; the fabric runtime needs it for a {node.Role}.");

    /// <summary><c>--cpus</c> and <c>--memory</c> from the topology's resource limits, if any.</summary>
    public static IReadOnlyList<string> ResourceArgs(NodeConfig node)
    {
        if (node.Resources is not { } limits)
        {
            return [];
        }
        var args = new List<string>();
        if (limits.Cpus is { } cpus)
        {
            args.AddRange(["--cpus", cpus.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)]);
        }
        if (limits.MemoryMb is { } memory)
        {
            args.AddRange(["--memory", $"{memory}m"]);
        }
        return args;
    }
}
