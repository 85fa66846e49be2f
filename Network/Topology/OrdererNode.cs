namespace Ceiba.Network.Topology;

/// <summary>One ordering node, with the ports it listens on.</summary>
public sealed record OrdererNode
{
    /// <summary>The node's name, e.g. <c>orderer0</c>; a DNS label, unique in the cluster.</summary>
    public required string Name { get; init; }

    /// <summary>The gRPC port for AtomicBroadcast and Raft cluster traffic.</summary>
    public required int Port { get; init; }

    /// <summary>The channel participation (admin) API port.</summary>
    public required int AdminPort { get; init; }

    /// <summary>The operations port: health, metrics.</summary>
    public required int OperationsPort { get; init; }

    /// <summary>
    /// The peer organization whose site hosts this node, for link emulation; when omitted the node sits at the
    /// orderer organization's own site.
    /// </summary>
    public string? Site { get; init; }

    /// <summary>CPU and memory limits; none when omitted.</summary>
    public ResourceLimits? Resources { get; init; }
}
