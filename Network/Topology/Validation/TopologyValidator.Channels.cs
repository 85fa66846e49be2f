using Ceiba.Network.Topology.Policies;

namespace Ceiba.Network.Topology.Validation;

internal sealed partial class TopologyValidator
{
    /// <summary>The org-level policies every application org defines in the channel configuration Ceiba generates.</summary>
    private static readonly string[] OrgPolicies = ["Admins", "Endorsement", "Readers", "Writers"];

    private void ValidateChannels()
    {
        var channels = _topology.Channels;
        if (channels.Count == 0)
        {
            Error("$.channels", "[]", "at least one channel");
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < channels.Count; i++)
        {
            var path = $"$.channels[{i}]";
            var channel = channels[i];
            RequireName($"{path}.name", channel.Name, NameRules.IsChannelName, NameRules.ChannelExpectation);
            RequireUnique(names, $"{path}.name", channel.Name, "a channel name");
            if (channel.Orgs.Count == 0)
            {
                Error($"{path}.orgs", "[]", "at least one member organization");
            }
            var members = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var j = 0; j < channel.Orgs.Count; j++)
            {
                var orgPath = $"{path}.orgs[{j}]";
                RequirePeerOrg(orgPath, channel.Orgs[j]);
                RequireUnique(members, orgPath, channel.Orgs[j], "a member organization");
            }
        }
    }

    private void ValidateChaincodes()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _topology.Chaincodes.Count; i++)
        {
            var path = $"$.chaincodes[{i}]";
            var chaincode = _topology.Chaincodes[i];
            RequireName($"{path}.name", chaincode.Name, NameRules.IsChaincodeName, NameRules.ChaincodeExpectation);
            RequireUnique(names, $"{path}.name", chaincode.Name, "a chaincode name (it names the servers' hosts)");
            RequireName($"{path}.version", chaincode.Version, NameRules.IsVersion, NameRules.VersionExpectation);
            if (chaincode.HasExplicitLabel)
            {
                RequireName($"{path}.label", chaincode.Label, NameRules.IsLabel, NameRules.LabelExpectation);
            }
            if (chaincode.Sequence < 1)
            {
                Error($"{path}.sequence", Show(chaincode.Sequence), "a sequence number of at least 1");
            }
            var channel = _topology.FindChannel(chaincode.Channel);
            if (channel is null)
            {
                var known = ShowList(_topology.Channels.Select(c => Show(c.Name)));
                Error($"{path}.channel", Show(chaincode.Channel), $"the name of a channel in $.channels: {known}");
            }
            else if (channel.Orgs.Count == 0)
            {
                channel = null; // already reported as empty; membership checks would only repeat it
            }
            ValidateEndorsementPolicy($"{path}.endorsementPolicy", chaincode.EndorsementPolicy, channel);
            ValidateServers(path, chaincode, channel);
        }
    }

    private void ValidateServers(string chaincodePath, ChaincodeDefinition chaincode, ChannelDefinition? channel)
    {
        if (chaincode.Servers.Count == 0)
        {
            Error($"{chaincodePath}.servers", "[]", "at least one chaincode server, e.g. { \"org\": \"Habana\", \"port\": 10390 }");
        }
        var orgs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < chaincode.Servers.Count; i++)
        {
            var path = $"{chaincodePath}.servers[{i}]";
            var server = chaincode.Servers[i];
            var org = RequirePeerOrg($"{path}.org", server.Org);
            if (org is not null && channel is not null && !channel.Orgs.Any(o => SameName(o, org.Name)))
            {
                Error($"{path}.org", Show(server.Org), $"a member of channel \"{channel.Name}\": {ShowList(channel.Orgs)}");
            }
            RequireUnique(orgs, $"{path}.org", server.Org, "an organization with one server for this chaincode");
            UsePort($"{path}.port", server.Port);
            if (org is not null)
            {
                UseHost($"{path}.org", chaincode.Name, org.Domain, $"{chaincodePath}.name", DomainPath(org));
            }
            ValidateResources($"{path}.resources", server.Resources);
        }
    }

    private void ValidateEndorsementPolicy(string path, string text, ChannelDefinition? channel)
    {
        if (!PolicyExpression.TryParse(text, out var policy, out var syntax))
        {
            Error(path, Show(text), $"{syntax.Expected} at position {syntax.Position} (Fabric policy syntax)");
            return;
        }
        switch (policy)
        {
            case ImplicitMetaPolicyExpression meta when !OrgPolicies.Contains(meta.SubPolicy, StringComparer.Ordinal):
                Error(path, Show(text), $"a sub-policy every org defines: {ShowList(OrgPolicies)}, as in \"MAJORITY Endorsement\"");
                break;
            case NOutOf gate:
                ValidateThresholds(path, text, gate);
                ValidatePrincipals(path, gate, channel);
                break;
        }
    }

    private void ValidateThresholds(string path, string text, NOutOf gate)
    {
        if (gate.N < 1 || gate.N > gate.Rules.Count)
        {
            var why = gate.N < 1 ? "is met without any signature" : "can never be met";
            Error(path, Show(text), $"OutOf counts from 1 to the number of policies; {gate.Format()} {why}");
            return;
        }
        foreach (var rule in gate.Rules.OfType<NOutOf>())
        {
            ValidateThresholds(path, text, rule);
        }
    }

    private void ValidatePrincipals(string path, PolicyExpression policy, ChannelDefinition? channel)
    {
        var channelMsps = channel is null
            ? []
            : _topology.GetChannelOrgs(channel).Select(o => o.MspId).ToList();
        foreach (var principal in policy.Principals().DistinctBy(p => p.MspId, StringComparer.Ordinal))
        {
            if (channel is not null && channelMsps.Contains(principal.MspId, StringComparer.Ordinal))
            {
                continue;
            }
            var known = _topology.FindOrgByMspId(principal.MspId) is not null;
            if (channel is null && known)
            {
                continue;
            }
            var where = channel is null ? "an organization" : $"an organization on channel \"{channel.Name}\"";
            var choices = channel is null ? ShowList(_topology.Orgs.Select(o => o.MspId)) : ShowList(channelMsps);
            Error(path, principal.Format(), $"the MSP ID of {where}: {choices}");
        }
    }

    /// <summary>Reports a name that is not a peer organization's; returns the organization when it is one.</summary>
    private Organization? RequirePeerOrg(string path, string? name)
    {
        var org = name is null ? null : _topology.FindOrg(name);
        if (org is null)
        {
            var hint = SameName(name, _topology.Orderers.Org.Name) ? " (the orderer organization cannot be a member)" : "";
            Error(path, Show(name), $"the name of a peer organization in $.orgs: {ShowList(OrgNames())}{hint}");
        }
        return org;
    }
}
