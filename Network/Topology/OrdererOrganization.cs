namespace Ceiba.Network.Topology;

/// <summary>The organization that runs the ordering nodes.</summary>
public sealed record OrdererOrganization
{
    /// <summary>The organization's name, e.g. <c>Orderer</c>; a DNS label, distinct from every peer org.</summary>
    public required string Name { get; init; }

    /// <summary>The MSP ID, e.g. <c>OrdererMSP</c>.</summary>
    public required string MspId { get; init; }

    /// <summary>The DNS domain, e.g. <c>orderer.ceiba.local</c>.</summary>
    public required string Domain { get; init; }

    /// <summary>A CA for the orderer organization, if it runs one; orderer identities can also be generated offline.</summary>
    public CertificateAuthority? Ca { get; init; }
}
