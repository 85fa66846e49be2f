using Ceiba.Network.Protos.Msp;

namespace Ceiba.Network.Topology.Generation.ChannelConfig;

/// <summary>Everything a channel's genesis configuration is built from, already resolved from the topology.</summary>
public sealed record ChannelConfigSpec(
    string ChannelId,
    IReadOnlyList<OrgConfigSpec> ApplicationOrgs,
    IReadOnlyList<OrgConfigSpec> OrdererOrgs,
    OrdererConfigSpec Orderer);

/// <summary>One organization's entry in the channel: its MSP definition and where to reach it.</summary>
/// <param name="MspId">The MSP ID; also the org's group name, as in Fabric's test network.</param>
/// <param name="AnchorPeers">host:port of the org's anchor peers (application orgs).</param>
/// <param name="OrdererEndpoints">host:port of the org's ordering nodes (orderer orgs).</param>
public sealed record OrgConfigSpec(
    string MspId,
    FabricMSPConfig Msp,
    IReadOnlyList<HostPort> AnchorPeers,
    IReadOnlyList<HostPort> OrdererEndpoints);

/// <summary>A network endpoint as Fabric writes it in configuration.</summary>
public sealed record HostPort(string Host, int Port)
{
    public override string ToString() => $"{Host}:{Port}";
}

/// <summary>The Orderer group's settings.</summary>
public sealed record OrdererConfigSpec(
    TimeSpan BatchTimeout,
    uint MaxMessageCount,
    uint AbsoluteMaxBytes,
    uint PreferredMaxBytes,
    IReadOnlyList<RaftConsenterSpec> Consenters,
    RaftOptionsSpec RaftOptions);

/// <summary>An etcdraft consenter: its cluster endpoint and TLS certificates (PEM).</summary>
public sealed record RaftConsenterSpec(string Host, int Port, byte[] ClientTlsCertPem, byte[] ServerTlsCertPem);

/// <summary>etcdraft options, with Fabric's defaults.</summary>
public sealed record RaftOptionsSpec(
    TimeSpan TickInterval,
    uint ElectionTick = 10,
    uint HeartbeatTick = 1,
    uint MaxInflightBlocks = 5,
    uint SnapshotIntervalSize = 16 * 1024 * 1024)
{
    public static RaftOptionsSpec Default { get; } = new(TimeSpan.FromMilliseconds(500));
}
