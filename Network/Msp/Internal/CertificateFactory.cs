using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp.Internal;

/// <summary>Builds the profiles of certificates cryptogen issues: CA, signing identity, TLS.</summary>
internal static class CertificateFactory
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    /// <summary>
    /// Subject encoded in Go's pkix.Name order, C, ST, L, O, OU..., CN (printed in RFC 4514 order as
    /// <c>CN=..., OU=..., O=..., L=..., ST=..., C=...</c>). The builder encodes the RDNs in reverse
    /// order of addition, so they are added from CN back to C.
    /// </summary>
    public static X500DistinguishedName Subject(SubjectLocation location, string? organization, IEnumerable<string> organizationalUnits, string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        foreach (var unit in organizationalUnits.Reverse())
        {
            builder.AddOrganizationalUnitName(unit);
        }

        if (!string.IsNullOrEmpty(organization))
        {
            builder.AddOrganizationName(organization);
        }

        builder.AddLocalityName(location.Locality);
        builder.AddStateOrProvinceName(location.Province);
        builder.AddCountryOrRegion(location.Country);
        return builder.Build();
    }

    /// <summary>A CA certificate: CA basic constraints, cert sign + CRL sign, SKI; AKI too when issued by a parent.</summary>
    public static X509Certificate2 CreateCa(X500DistinguishedName subject, ECDsa key, Credential? issuer, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(P256Keys.SubjectKeyIdentifier(key), critical: false));
        if (issuer is not null)
        {
            request.CertificateExtensions.Add(AuthorityKeyIdentifier(issuer.Certificate));
        }

        var (issuerName, signingKey) = issuer is null ? (subject, key) : (issuer.Certificate.SubjectName, issuer.PrivateKey);
        return request.Create(issuerName, new LowSSignatureGenerator(signingKey), notBefore, notAfter, SerialNumbers.New());
    }

    /// <summary>An end-entity certificate: not a CA, digital signature, SKI and AKI; TLS adds EKU and SANs.</summary>
    public static X509Certificate2 CreateLeaf(
        X500DistinguishedName subject,
        ECDsa publicKey,
        Credential issuer,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        IReadOnlyDictionary<string, string>? attributes,
        IReadOnlyList<string>? tlsNames)
    {
        var request = new CertificateRequest(subject, publicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        var usage = tlsNames is null
            ? X509KeyUsageFlags.DigitalSignature
            : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment; // cryptogen's TLS key usage
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        if (tlsNames is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth, ClientAuth], critical: false));
            request.CertificateExtensions.Add(SubjectAlternativeNames(tlsNames));
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(P256Keys.SubjectKeyIdentifier(publicKey), critical: false));
        request.CertificateExtensions.Add(AuthorityKeyIdentifier(issuer.Certificate));
        if (attributes is { Count: > 0 })
        {
            request.CertificateExtensions.Add(FabricAttributes.CreateExtension(attributes));
        }

        return request.Create(issuer.Certificate.SubjectName, new LowSSignatureGenerator(issuer.PrivateKey), notBefore, notAfter, SerialNumbers.New());
    }

    private static X509AuthorityKeyIdentifierExtension AuthorityKeyIdentifier(X509Certificate2 issuer) =>
        issuer.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault() is { SubjectKeyIdentifierBytes: var ski }
            ? X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski.Span)
            : X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: false, includeIssuerAndSerial: true);

    private static X509Extension SubjectAlternativeNames(IReadOnlyList<string> names)
    {
        var builder = new SubjectAlternativeNameBuilder();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IPAddress.TryParse(name, out var address))
            {
                builder.AddIpAddress(address);
            }
            else
            {
                builder.AddDnsName(name);
            }
        }

        return builder.Build(critical: false);
    }
}
