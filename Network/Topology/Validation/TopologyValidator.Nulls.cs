namespace Ceiba.Network.Topology.Validation;

internal sealed partial class TopologyValidator
{
    /// <summary>
    /// Reports null entries in lists (<c>"orgs": [null]</c>), which System.Text.Json lets through. They are reported on
    /// their own, like type errors, because the other rules cannot be checked around a missing element.
    /// </summary>
    private bool ReportNullElements()
    {
        var t = _topology;
        Nulls("$.orgs", t.Orgs);
        for (var i = 0; i < t.Orgs.Count; i++)
        {
            if (t.Orgs[i] is { } org)
            {
                Nulls($"$.orgs[{i}].peers", org.Peers);
                Nulls($"$.orgs[{i}].hospitals", org.Hospitals);
            }
        }
        Nulls("$.orderers.nodes", t.Orderers.Nodes);
        Nulls("$.channels", t.Channels);
        for (var i = 0; i < t.Channels.Count; i++)
        {
            if (t.Channels[i] is { } channel)
            {
                Nulls($"$.channels[{i}].orgs", channel.Orgs, "an organization name");
            }
        }
        Nulls("$.chaincodes", t.Chaincodes);
        for (var i = 0; i < t.Chaincodes.Count; i++)
        {
            if (t.Chaincodes[i] is { } chaincode)
            {
                Nulls($"$.chaincodes[{i}].servers", chaincode.Servers);
            }
        }
        Nulls("$.links.pairs", t.Links.Pairs);
        return _issues.Count > 0;
    }

    private void Nulls<T>(string path, IReadOnlyList<T?> items, string expected = "an object")
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                Error($"{path}[{i}]", "null", expected);
            }
        }
    }
}
