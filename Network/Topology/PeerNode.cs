namespace Ceiba.Network.Topology;

/// <summary>A peer of an organization, with the ports it listens on.</summary>
public sealed record PeerNode
{
    /// <summary>The peer's name, e.g. <c>peer0</c>; a DNS label, unique within its organization.</summary>
    public required string Name { get; init; }

    /// <summary>The gRPC port for gateway, endorser, deliver and gossip traffic.</summary>
    public required int Port { get; init; }

    /// <summary>The operations port: health, metrics.</summary>
    public required int OperationsPort { get; init; }

    /// <summary>The chaincode listener port (Fabric's <c>chaincodeListenAddress</c>).</summary>
    public required int ChaincodePort { get; init; }

    /// <summary>CPU and memory limits for the peer's process or container; none when omitted.</summary>
    public ResourceLimits? Resources { get; init; }
}
