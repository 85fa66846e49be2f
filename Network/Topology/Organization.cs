namespace Ceiba.Network.Topology;

/// <summary>A peer organization: one province's MSP, with its peers, its CA and the hospitals it serves.</summary>
public sealed record Organization
{
    /// <summary>The organization's name, e.g. <c>Habana</c>; a DNS label, unique in the topology (case-insensitive).</summary>
    public required string Name { get; init; }

    /// <summary>The MSP ID, e.g. <c>HabanaMSP</c>; unique, and what policy principals name.</summary>
    public required string MspId { get; init; }

    /// <summary>The Cuban province the organization stands for.</summary>
    public required Province Province { get; init; }

    /// <summary>The organization's DNS domain, e.g. <c>habana.ceiba.local</c>; node host names end with it.</summary>
    public required string Domain { get; init; }

    /// <summary>The organization's peers; at least one.</summary>
    public required IReadOnlyList<PeerNode> Peers { get; init; }

    /// <summary>The organization's certificate authority, which enrolls its hospital users.</summary>
    public required CertificateAuthority Ca { get; init; }

    /// <summary>The hospitals whose users and records belong to this organization.</summary>
    public IReadOnlyList<Hospital> Hospitals { get; set; } = [];

    /// <summary>The host name of <paramref name="peer"/>, e.g. <c>peer0.habana.ceiba.local</c>.</summary>
    public string HostNameOf(PeerNode peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return HostNames.Of(peer.Name, Domain);
    }

    /// <summary>The host name of the organization's CA, e.g. <c>ca.habana.ceiba.local</c>.</summary>
    public string CaHostName => HostNames.Of(Ca.Name, Domain);
}
