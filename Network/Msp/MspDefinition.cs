using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp;

/// <summary>
/// An MSP as a verifier needs it: its ID, the CAs its identities must chain to, and how roles are
/// read. This is the content of an organization's MSP folder or of its channel-config MSP value.
/// </summary>
/// <param name="MspId">The MSP ID, e.g. <c>HabanaMSP</c>.</param>
/// <param name="RootCerts">Root CA certificates.</param>
public sealed record MspDefinition(string MspId, IReadOnlyList<X509Certificate2> RootCerts)
{
    /// <summary>Intermediate CA certificates.</summary>
    public IReadOnlyList<X509Certificate2> IntermediateCerts { get; init; } = [];

    /// <summary>TLS root CA certificates.</summary>
    public IReadOnlyList<X509Certificate2> TlsCaCerts { get; init; } = [];

    /// <summary>TLS intermediate CA certificates.</summary>
    public IReadOnlyList<X509Certificate2> TlsIntermediateCerts { get; init; } = [];

    /// <summary>Explicit admin certificates (used when NodeOUs are off, or in addition to the admin OU).</summary>
    public IReadOnlyList<X509Certificate2> AdminCerts { get; init; } = [];

    /// <summary>NodeOU configuration; null or disabled means roles are not read from OUs.</summary>
    public NodeOUConfig? NodeOUs { get; init; }
}
