using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp;

/// <summary>
/// What an MSP folder holds. A verifying MSP (an organization's, as put in the channel config) has
/// certificates and NodeOUs only; a local MSP (a node's or a user's) adds the signing credential.
/// </summary>
public sealed record MspFolderContents
{
    /// <summary>Root CA certificates (<c>cacerts/</c>).</summary>
    public required IReadOnlyList<X509Certificate2> CaCerts { get; init; }

    /// <summary>Intermediate CA certificates (<c>intermediatecerts/</c>).</summary>
    public IReadOnlyList<X509Certificate2> IntermediateCerts { get; init; } = [];

    /// <summary>TLS root CA certificates (<c>tlscacerts/</c>).</summary>
    public IReadOnlyList<X509Certificate2> TlsCaCerts { get; init; } = [];

    /// <summary>TLS intermediate CA certificates (<c>tlsintermediatecerts/</c>).</summary>
    public IReadOnlyList<X509Certificate2> TlsIntermediateCerts { get; init; } = [];

    /// <summary>Explicit admin certificates (<c>admincerts/</c>); empty with NodeOUs, where admins carry <c>OU=admin</c>.</summary>
    public IReadOnlyList<X509Certificate2> AdminCerts { get; init; } = [];

    /// <summary>The NodeOUs of <c>config.yaml</c>; null when there is no config.yaml.</summary>
    public NodeOUConfig? NodeOUs { get; init; }

    /// <summary>The signing certificate (<c>signcerts/</c>) and key (<c>keystore/priv_sk</c>) of a local MSP; null for a verifying MSP.</summary>
    public Credential? SigningCredential { get; init; }

    /// <summary>The in-memory definition of this MSP under <paramref name="mspId"/>, for <see cref="MembershipServiceProvider"/>.</summary>
    public MspDefinition ToDefinition(string mspId) => new(mspId, CaCerts)
    {
        IntermediateCerts = IntermediateCerts,
        TlsCaCerts = TlsCaCerts,
        TlsIntermediateCerts = TlsIntermediateCerts,
        AdminCerts = AdminCerts,
        NodeOUs = NodeOUs,
    };
}
