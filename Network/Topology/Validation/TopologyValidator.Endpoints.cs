namespace Ceiba.Network.Topology.Validation;

internal sealed partial class TopologyValidator
{
    private void UsePort(string path, int port) => _ports.Add(new PortUse(path, port));

    /// <summary>
    /// Records the host name <paramref name="nodeName"/>.<paramref name="domain"/>, reported at <paramref name="path"/> if it
    /// clashes; <paramref name="causes"/> are the paths (name, domain) whose own errors would already explain a clash.
    /// </summary>
    private void UseHost(string path, string? nodeName, string? domain, params string[] causes)
    {
        if (NameRules.IsDnsLabel(nodeName) && NameRules.IsDomain(domain))
        {
            _hosts.Add(new HostUse(path, HostNames.Of(nodeName!, domain!), [path, .. causes]));
        }
    }

    /// <summary>The JSON path of <paramref name="org"/>'s domain.</summary>
    private string DomainPath(Organization org) => $"$.orgs[{IndexOf(org)}].domain";

    private int IndexOf(Organization org)
    {
        for (var i = 0; i < _topology.Orgs.Count; i++)
        {
            if (ReferenceEquals(_topology.Orgs[i], org))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Every node runs on one host in the embedded runtime, so every port in the file must differ.</summary>
    private void ValidatePorts()
    {
        var seen = new Dictionary<int, string>();
        foreach (var (path, port) in _ports)
        {
            if (port is < 1 or > 65535)
            {
                Error(path, Show(port), "a port from 1 to 65535");
                continue;
            }
            if (seen.TryGetValue(port, out var firstPath))
            {
                Error(path, Show(port), $"a port no other node uses (all nodes share one host); {firstPath} already uses it");
                continue;
            }
            seen[port] = path;
        }
    }

    private void ValidateHostNames()
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, host, causes) in _hosts)
        {
            if (_issues.Any(i => causes.Contains(i.Path, StringComparer.Ordinal)))
            {
                continue; // a duplicate name or domain has already been reported for this node
            }
            if (host.Length > 253)
            {
                Error(path, Show(host), "a host name of at most 253 characters");
            }
            else if (seen.TryGetValue(host, out var firstPath))
            {
                Error(path, Show(host), $"a host name no other node has; {firstPath} already makes it");
            }
            else
            {
                seen[host] = path;
            }
        }
    }
}
