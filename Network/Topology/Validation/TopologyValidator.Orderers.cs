namespace Ceiba.Network.Topology.Validation;

internal sealed partial class TopologyValidator
{
    private const long MaxUInt32 = uint.MaxValue;

    private void ValidateOrderers()
    {
        var cluster = _topology.Orderers;
        var org = cluster.Org;
        RequireName("$.orderers.org.name", org.Name, NameRules.IsDnsLabel, NameRules.DnsLabelExpectation);
        RequireName("$.orderers.org.mspId", org.MspId, NameRules.IsMspId, NameRules.MspIdExpectation);
        RequireName("$.orderers.org.domain", org.Domain, NameRules.IsDomain, NameRules.DomainExpectation);
        ValidateCa("$.orderers.org.ca", org.Ca, org.Domain, "$.orderers.org.domain");
        ValidateOrdererNodes(cluster);
        ValidateBatch(cluster.Batch);
        if (cluster.Consensus == ConsensusType.Raft)
        {
            ValidateRaft(cluster.Raft);
        }
    }

    private void ValidateOrdererNodes(OrdererCluster cluster)
    {
        var nodes = cluster.Nodes;
        if (nodes.Count == 0)
        {
            Error("$.orderers.nodes", "[]", "at least one orderer node");
        }
        else if (cluster.Consensus == ConsensusType.Solo && nodes.Count > 1)
        {
            Error("$.orderers.nodes", $"{nodes.Count} nodes", "exactly 1 node for \"solo\" consensus; use \"raft\" for a cluster");
        }
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < nodes.Count; i++)
        {
            var path = $"$.orderers.nodes[{i}]";
            var node = nodes[i];
            RequireName($"{path}.name", node.Name, NameRules.IsDnsLabel, NameRules.DnsLabelExpectation);
            RequireUnique(names, $"{path}.name", node.Name, "an orderer node name");
            UsePort($"{path}.port", node.Port);
            UsePort($"{path}.adminPort", node.AdminPort);
            UsePort($"{path}.operationsPort", node.OperationsPort);
            UseHost($"{path}.name", node.Name, cluster.Org.Domain, "$.orderers.org.domain");
            ValidateResources($"{path}.resources", node.Resources);
            if (node.Site is { } site && _topology.FindOrg(site) is null)
            {
                Error($"{path}.site", Show(site), $"the name of a peer organization: {ShowList(OrgNames())}");
            }
        }
    }

    private void ValidateBatch(BatchSettings batch)
    {
        if (batch.Timeout <= TimeSpan.Zero)
        {
            Error("$.orderers.batch.timeout", Show(batch.Timeout), "a duration greater than 0, such as \"2s\"");
        }
        if (batch.MaxMessageCount <= 0)
        {
            Error("$.orderers.batch.maxMessageCount", Show(batch.MaxMessageCount), "a message count greater than 0, such as 500");
        }
        var absoluteValid = batch.AbsoluteMaxBytes is > 0 and <= MaxUInt32;
        if (!absoluteValid)
        {
            Error("$.orderers.batch.absoluteMaxBytes", Show(batch.AbsoluteMaxBytes),
                $"a size in bytes greater than 0 and at most {MaxUInt32}, such as 10485760 (10 MB)");
        }
        if (batch.PreferredMaxBytes <= 0)
        {
            Error("$.orderers.batch.preferredMaxBytes", Show(batch.PreferredMaxBytes), "a size in bytes greater than 0, such as 2097152 (2 MB)");
        }
        else if (absoluteValid && batch.PreferredMaxBytes > batch.AbsoluteMaxBytes)
        {
            Error("$.orderers.batch.preferredMaxBytes", Show(batch.PreferredMaxBytes),
                $"a size no larger than absoluteMaxBytes ({Show(batch.AbsoluteMaxBytes)})");
        }
    }

    private void ValidateRaft(RaftSettings raft)
    {
        if (raft.TickInterval <= TimeSpan.Zero)
        {
            Error("$.orderers.raft.tickInterval", Show(raft.TickInterval), "a duration greater than 0, such as \"500ms\"");
        }
        if (raft.HeartbeatTick < 1)
        {
            Error("$.orderers.raft.heartbeatTick", Show(raft.HeartbeatTick), "a tick count of at least 1");
        }
        else if (raft.ElectionTick <= raft.HeartbeatTick)
        {
            Error("$.orderers.raft.electionTick", Show(raft.ElectionTick),
                $"a tick count greater than heartbeatTick ({raft.HeartbeatTick}), such as 10 (Raft requires it)");
        }
        if (raft.MaxInflightBlocks < 1)
        {
            Error("$.orderers.raft.maxInflightBlocks", Show(raft.MaxInflightBlocks), "a block count of at least 1, such as 5");
        }
        if (raft.SnapshotIntervalSize <= 0)
        {
            Error("$.orderers.raft.snapshotIntervalSize", Show(raft.SnapshotIntervalSize), "a size in bytes greater than 0, such as 16777216 (16 MB)");
        }
    }

    private IEnumerable<string> OrgNames() => _topology.Orgs.Select(o => o.Name);
}
