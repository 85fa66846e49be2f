namespace Ceiba.Network.Topology;

/// <summary>The ordering service: its organization, consensus type, nodes and block-cutting settings.</summary>
public sealed record OrdererCluster
{
    /// <summary>The orderer organization.</summary>
    public required OrdererOrganization Org { get; init; }

    /// <summary>The consensus type; <see cref="ConsensusType.Raft"/> unless the file says <c>solo</c>.</summary>
    public ConsensusType Consensus { get; init; } = ConsensusType.Raft;

    /// <summary>The ordering nodes; at least one, and exactly one for solo.</summary>
    public required IReadOnlyList<OrdererNode> Nodes { get; init; }

    /// <summary>How blocks are cut; Fabric's sample configuration when omitted.</summary>
    public BatchSettings Batch { get; set; } = new();

    /// <summary>etcdraft options; Fabric's defaults when omitted. Ignored for solo.</summary>
    public RaftSettings Raft { get; set; } = new();

    /// <summary>The host name of <paramref name="node"/>, e.g. <c>orderer0.orderer.ceiba.local</c>.</summary>
    public string HostNameOf(OrdererNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return HostNames.Of(node.Name, Org.Domain);
    }
}
