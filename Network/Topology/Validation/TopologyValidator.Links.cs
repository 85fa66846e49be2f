namespace Ceiba.Network.Topology.Validation;

internal sealed partial class TopologyValidator
{
    private void ValidateLinks()
    {
        ValidateDelay("$.links.default", _topology.Links.Default.LatencyMs, _topology.Links.Default.JitterMs);
        var pairs = _topology.Links.Pairs;
        for (var i = 0; i < pairs.Count; i++)
        {
            var path = $"$.links.pairs[{i}]";
            var pair = pairs[i];
            RequireLinkEnd($"{path}.from", pair.From);
            RequireLinkEnd($"{path}.to", pair.To);
            if (SameName(pair.From, pair.To))
            {
                Error($"{path}.to", Show(pair.To), "an organization other than \"from\"; links join two organizations");
            }
            var earlier = pairs.Take(i).ToList().FindIndex(p => p.Connects(pair.From, pair.To));
            if (earlier >= 0)
            {
                Error(path, $"{Show(pair.From)} ↔ {Show(pair.To)}", $"one link per pair of organizations; $.links.pairs[{earlier}] already joins them");
            }
            ValidateDelay(path, pair.LatencyMs, pair.JitterMs);
        }
    }

    private void ValidateDelay(string path, int latencyMs, int jitterMs)
    {
        if (latencyMs < 0)
        {
            Error($"{path}.latencyMs", Show(latencyMs), "a latency in milliseconds, 0 or more");
        }
        if (jitterMs < 0)
        {
            Error($"{path}.jitterMs", Show(jitterMs), "a jitter in milliseconds, 0 or more");
        }
    }

    private void RequireLinkEnd(string path, string name)
    {
        if (_topology.FindOrg(name) is null && !SameName(name, _topology.Orderers.Org.Name))
        {
            Error(path, Show(name), $"the name of an organization: {ShowList(OrgNames().Append(_topology.Orderers.Org.Name))}");
        }
    }
}
