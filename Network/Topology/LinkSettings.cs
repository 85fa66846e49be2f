namespace Ceiba.Network.Topology;

/// <summary>The network delays to emulate: a default for every pair of organizations, and listed exceptions.</summary>
public sealed record LinkSettings
{
    /// <summary>The link between organizations that no pair lists; none by default.</summary>
    public LinkProfile Default { get; set; } = new();

    /// <summary>Links between specific organizations; each applies in both directions.</summary>
    public IReadOnlyList<LinkPair> Pairs { get; set; } = [];

    /// <summary>
    /// The link between two organizations in either direction: the listed pair, else <see cref="Default"/>;
    /// nothing within one organization. Names compare case-insensitively.
    /// </summary>
    public LinkProfile Between(string fromOrg, string toOrg)
    {
        ArgumentNullException.ThrowIfNull(fromOrg);
        ArgumentNullException.ThrowIfNull(toOrg);
        if (string.Equals(fromOrg, toOrg, StringComparison.OrdinalIgnoreCase))
        {
            return new LinkProfile();
        }
        var pair = Pairs.FirstOrDefault(p => p.Connects(fromOrg, toOrg));
        return pair is null ? Default : new LinkProfile { LatencyMs = pair.LatencyMs, JitterMs = pair.JitterMs };
    }
}
