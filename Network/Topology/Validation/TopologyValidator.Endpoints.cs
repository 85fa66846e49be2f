namespace Ceiba.Network.Topology.Validation;

internal sealed partial class TopologyValidator
{
    private void UsePort(string path, int port) => _ports.Add(new PortUse(path, port));

    private void UseHost(string path, string? nodeName, string? domain)
    {
        if (NameRules.IsDnsLabel(nodeName) && NameRules.IsDomain(domain))
        {
            _hosts.Add(new HostUse(path, HostNames.Of(nodeName!, domain!)));
        }
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
        foreach (var (path, host) in _hosts)
        {
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
