using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp.Internal;

namespace Ceiba.Network.Msp;

/// <summary>
/// A certificate authority that issues Fabric identities the way cryptogen does: ECDSA P-256 keys,
/// ECDSA-with-SHA256 (low-S) signatures, subjects <c>C, ST, L[, O], OU, CN</c>, SKI and AKI.
/// An organization has two: a signing CA (<c>ca.&lt;domain&gt;</c>) for MSP identities and a TLS CA
/// (<c>tlsca.&lt;domain&gt;</c>) for TLS certificates.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    private readonly TimeProvider _clock;

    private CertificateAuthority(Credential credential, SubjectLocation location, TimeProvider clock)
    {
        Credential = credential;
        Location = location;
        _clock = clock;
    }

    /// <summary>The CA's certificate and private key.</summary>
    public Credential Credential { get; }

    /// <summary>The CA's certificate.</summary>
    public X509Certificate2 Certificate => Credential.Certificate;

    /// <summary>The country, province and locality stamped on issued certificates.</summary>
    public SubjectLocation Location { get; }

    /// <summary>The CA certificate's common name, e.g. <c>ca.habana.ceiba.local</c>.</summary>
    public string CommonName => Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <summary>
    /// Creates a self-signed root CA: <c>CN=<paramref name="commonName"/>, O=<paramref name="organization"/>, L, ST, C</c>,
    /// CA basic constraints, key usage cert sign + CRL sign, SKI.
    /// </summary>
    /// <param name="commonName">For example <c>ca.habana.ceiba.local</c> or <c>tlsca.habana.ceiba.local</c>.</param>
    /// <param name="organization">The organization's domain, e.g. <c>habana.ceiba.local</c>.</param>
    /// <param name="options">Location, validity and clock; defaults to 10 years from now in La Habana, CU.</param>
    public static CertificateAuthority CreateRoot(string commonName, string organization, CertificateAuthorityOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        ArgumentException.ThrowIfNullOrWhiteSpace(organization);
        options ??= new CertificateAuthorityOptions();
        var (notBefore, notAfter) = ValidityPeriod(options.Clock, options.NotBefore, options.Validity, cap: null);
        var key = P256Keys.Generate();
        var subject = CertificateFactory.Subject(options.Location, organization, [], commonName);
        var certificate = CertificateFactory.CreateCa(subject, key, issuer: null, notBefore, notAfter);
        return new CertificateAuthority(new Credential(certificate, key), options.Location, options.Clock);
    }

    /// <summary>Creates an intermediate CA signed by this one (same organization, validity capped at this CA's expiry).</summary>
    public CertificateAuthority CreateIntermediate(string commonName, CertificateAuthorityOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        options ??= new CertificateAuthorityOptions { Location = Location, Clock = _clock };
        var (notBefore, notAfter) = ValidityPeriod(options.Clock, options.NotBefore, options.Validity, Certificate.NotAfter);
        var key = P256Keys.Generate();
        var organization = DistinguishedNames.GetFirst(Certificate.SubjectName, DistinguishedNames.OrganizationOid);
        var subject = CertificateFactory.Subject(options.Location, organization, [], commonName);
        var certificate = CertificateFactory.CreateCa(subject, key, Credential, notBefore, notAfter);
        return new CertificateAuthority(new Credential(certificate, key), options.Location, options.Clock);
    }

    /// <summary>
    /// Wraps an existing CA credential (for example one read back from cryptogen's <c>ca/</c> folder).
    /// The location for issued subjects is taken from the CA certificate's subject.
    /// </summary>
    public static CertificateAuthority FromCredential(Credential credential, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var name = credential.Certificate.SubjectName;
        var location = new SubjectLocation(
            DistinguishedNames.GetFirst(name, DistinguishedNames.CountryOid) ?? SubjectLocation.Default.Country,
            DistinguishedNames.GetFirst(name, DistinguishedNames.ProvinceOid) ?? SubjectLocation.Default.Province,
            DistinguishedNames.GetFirst(name, DistinguishedNames.LocalityOid) ?? SubjectLocation.Default.Locality);
        return new CertificateAuthority(credential, location, clock ?? TimeProvider.System);
    }

    /// <summary>
    /// Issues a signing identity with a new key: <c>CN=<paramref name="commonName"/>, OU=&lt;role&gt;, L, ST, C</c>,
    /// key usage digital signature, not a CA.
    /// </summary>
    /// <param name="commonName">For example <c>peer0.habana.ceiba.local</c> or <c>Admin@habana.ceiba.local</c>.</param>
    /// <param name="role">The NodeOU role put in the subject OU; null for none (an MSP without NodeOUs).</param>
    /// <param name="options">Validity, attributes and extra OUs.</param>
    public Credential IssueIdentity(string commonName, NodeOURole? role, IssueOptions? options = null)
    {
        var key = P256Keys.Generate();
        return new Credential(IssueIdentityCertificate(commonName, role, key, options), key);
    }

    /// <summary>Issues a signing identity certificate for an existing key (only its public part is used).</summary>
    public X509Certificate2 IssueIdentityCertificate(string commonName, NodeOURole? role, ECDsa publicKey, IssueOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commonName);
        ArgumentNullException.ThrowIfNull(publicKey);
        options ??= new IssueOptions();
        IEnumerable<string> units = role is { } r ? [r.ToOUName(), .. options.ExtraOrganizationalUnits] : options.ExtraOrganizationalUnits;
        var subject = CertificateFactory.Subject(Location, organization: null, units, commonName);
        var (notBefore, notAfter) = ValidityPeriod(_clock, options.NotBefore, options.Validity, Certificate.NotAfter);
        return CertificateFactory.CreateLeaf(subject, publicKey, Credential, notBefore, notAfter, options.Attributes, tlsNames: null);
    }

    /// <summary>
    /// Issues a TLS certificate with a new key: <c>CN=<paramref name="hostName"/>, L, ST, C</c>, EKU server + client
    /// auth, SANs <c>localhost</c>, <c>127.0.0.1</c>, the host name and <paramref name="extraNames"/>.
    /// </summary>
    public Credential IssueTls(string hostName, IEnumerable<string>? extraNames = null, IssueOptions? options = null)
    {
        var key = P256Keys.Generate();
        return new Credential(IssueTlsCertificate(hostName, key, extraNames, options), key);
    }

    /// <summary>Issues a TLS certificate for an existing key (only its public part is used).</summary>
    public X509Certificate2 IssueTlsCertificate(string hostName, ECDsa publicKey, IEnumerable<string>? extraNames = null, IssueOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostName);
        ArgumentNullException.ThrowIfNull(publicKey);
        options ??= new IssueOptions();
        List<string> names = ["localhost", "127.0.0.1", hostName, .. extraNames ?? []];
        var subject = CertificateFactory.Subject(Location, organization: null, options.ExtraOrganizationalUnits, hostName);
        var (notBefore, notAfter) = ValidityPeriod(_clock, options.NotBefore, options.Validity, Certificate.NotAfter);
        return CertificateFactory.CreateLeaf(subject, publicKey, Credential, notBefore, notAfter, options.Attributes, names);
    }

    /// <inheritdoc />
    public void Dispose() => Credential.Dispose();

    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) ValidityPeriod(TimeProvider clock, DateTimeOffset? notBefore, TimeSpan validity, DateTime? cap)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validity, TimeSpan.Zero);
        var start = notBefore ?? clock.GetUtcNow().AddMinutes(-5);
        start = new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var end = start + validity;
        if (cap is { } c && end > new DateTimeOffset(c.ToUniversalTime()))
        {
            end = new DateTimeOffset(c.ToUniversalTime());
        }

        return (start, end);
    }
}
