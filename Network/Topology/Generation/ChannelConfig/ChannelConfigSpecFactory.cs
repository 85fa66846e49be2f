using Ceiba.Network.Topology.Generation.Crypto;

namespace Ceiba.Network.Topology.Generation.ChannelConfig;

/// <summary>Resolves a topology channel and the generated crypto material into a <see cref="ChannelConfigSpec"/>.</summary>
public static class ChannelConfigSpecFactory
{
    /// <param name="crypto">Each organization's crypto material, by MSP ID (peer orgs and the orderer org).</param>
    /// <param name="layout">Where the crypto material was written.</param>
    public static ChannelConfigSpec Create(NetworkTopology topology, ChannelDefinition channel, IReadOnlyDictionary<string, OrgCrypto> crypto, OutputLayout layout)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(crypto);
        ArgumentNullException.ThrowIfNull(layout);

        var applicationOrgs = topology.GetChannelOrgs(channel).Select(org => new OrgConfigSpec(
            org.MspId,
            MspConfigFactory.Create(org.MspId, crypto[org.MspId].CaCertificate, crypto[org.MspId].TlsCaCertificate),
            AnchorPeers: [new HostPort(org.HostNameOf(org.Peers[0]), org.Peers[0].Port)],
            OrdererEndpoints: [])).ToList();

        var orderers = topology.Orderers;
        var ordererCrypto = crypto[orderers.Org.MspId];
        var ordererOrg = new OrgConfigSpec(
            orderers.Org.MspId,
            MspConfigFactory.Create(orderers.Org.MspId, ordererCrypto.CaCertificate, ordererCrypto.TlsCaCertificate),
            AnchorPeers: [],
            OrdererEndpoints: [.. orderers.Nodes.Select(n => new HostPort(orderers.HostNameOf(n), n.Port))]);

        var consenters = orderers.Nodes.Select(node =>
        {
            var hostName = orderers.HostNameOf(node);
            var tlsCert = File.ReadAllBytes(layout.Full(ordererCrypto.Identities[hostName].TlsCert));
            return new RaftConsenterSpec(hostName, node.Port, tlsCert, tlsCert);
        }).ToList();

        var raft = orderers.Raft;
        var ordererSpec = new OrdererConfigSpec(
            orderers.Batch.Timeout,
            (uint)orderers.Batch.MaxMessageCount,
            (uint)orderers.Batch.AbsoluteMaxBytes,
            (uint)orderers.Batch.PreferredMaxBytes,
            consenters,
            new RaftOptionsSpec(raft.TickInterval, (uint)raft.ElectionTick, (uint)raft.HeartbeatTick, (uint)raft.MaxInflightBlocks, (uint)raft.SnapshotIntervalSize));

        return new ChannelConfigSpec(channel.Name, applicationOrgs, [ordererOrg], ordererSpec);
    }
}
