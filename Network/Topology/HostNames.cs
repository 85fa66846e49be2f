namespace Ceiba.Network.Topology;

/// <summary>How node host names are formed: <c>{node}.{domain}</c>, in lower case.</summary>
public static class HostNames
{
    /// <summary>The host name of node <paramref name="nodeName"/> in <paramref name="domain"/>, e.g. <c>peer0.habana.ceiba.local</c>.</summary>
    public static string Of(string nodeName, string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        ArgumentException.ThrowIfNullOrEmpty(domain);
        return $"{nodeName}.{domain}".ToLowerInvariant();
    }
}
