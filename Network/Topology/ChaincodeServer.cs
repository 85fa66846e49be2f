namespace Ceiba.Network.Topology;

/// <summary>A chaincode-as-a-service server run for one organization; its peers dial it.</summary>
public sealed record ChaincodeServer
{
    /// <summary>The name of the peer organization that runs the server; it must be a member of the chaincode's channel.</summary>
    public required string Org { get; init; }

    /// <summary>The port the server listens on.</summary>
    public required int Port { get; init; }

    /// <summary>CPU and memory limits; none when omitted.</summary>
    public ResourceLimits? Resources { get; init; }
}
