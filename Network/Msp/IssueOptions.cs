namespace Ceiba.Network.Msp;

/// <summary>Options for a certificate a <see cref="CertificateAuthority"/> issues.</summary>
public sealed record IssueOptions
{
    /// <summary>Start of validity. Default: the CA's clock, less 5 minutes for clock skew (as cryptogen does).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Length of validity from <see cref="NotBefore"/>; capped at the CA's own expiry. Default: 10 years.</summary>
    public TimeSpan Validity { get; init; } = CertificateAuthorityOptions.DefaultValidity;

    /// <summary>
    /// Fabric CA attributes (for attribute-based access control in chaincode), carried in the
    /// extension <see cref="FabricAttributes.Oid"/>. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Organizational units added after the NodeOU role, such as Fabric CA affiliations. Default: none.</summary>
    public IReadOnlyList<string> ExtraOrganizationalUnits { get; init; } = [];
}
