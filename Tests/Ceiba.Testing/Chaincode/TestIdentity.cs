using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Ceiba.Network.Protos.Msp;
using Google.Protobuf;

namespace Ceiba.Testing.Chaincode;

/// <summary>
/// A client identity for tests: an ECDSA P-256 key and a self-signed certificate, optionally carrying Fabric CA
/// attributes (extension 1.2.3.4.5.6.7.8.1), serialized as Fabric's <c>msp.SerializedIdentity</c>.
/// </summary>
public sealed class TestIdentity : IDisposable
{
    /// <summary>The Fabric CA attribute extension OID.</summary>
    public const string AttributeExtensionOid = "1.2.3.4.5.6.7.8.1";

    private static readonly BigInteger Order = BigInteger.Parse(
        "115792089210356248762697446949407573529996955224135760342422259061068512044369");

    private readonly ECDsa _key;

    private TestIdentity(string mspId, ECDsa key, X509Certificate2 certificate)
    {
        MspId = mspId;
        _key = key;
        Certificate = certificate;
        CertificatePem = certificate.ExportCertificatePem() + "\n";
        Serialized = new SerializedIdentity { Mspid = mspId, IdBytes = ByteString.CopyFromUtf8(CertificatePem) };
    }

    /// <summary>The MSP id.</summary>
    public string MspId { get; }

    /// <summary>The certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate as PEM, as it travels in SerializedIdentity.id_bytes.</summary>
    public string CertificatePem { get; }

    /// <summary>The identity as a proposal creator.</summary>
    public SerializedIdentity Serialized { get; }

    /// <summary>Creates an identity with subject <c>CN=<paramref name="commonName"/>,OU=client,O=<paramref name="mspId"/>,C=CU</c>.</summary>
    public static TestIdentity Create(string mspId = "HabanaMSP", string commonName = "user1", IReadOnlyDictionary<string, string>? attributes = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // The builder adds in display order (most specific first) and encodes in reverse: C first, CN last, as usual.
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName(commonName);
        subject.AddOrganizationalUnitName("client");
        subject.AddOrganizationName(mspId);
        subject.AddCountryOrRegion("CU");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        if (attributes is not null)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["attrs"] = attributes });
            request.CertificateExtensions.Add(new X509Extension(AttributeExtensionOid, json, critical: false));
        }
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        return new TestIdentity(mspId, key, certificate);
    }

    /// <summary>Signs SHA-256(<paramref name="message"/>) as Fabric does: DER SEQUENCE{r, s} with low S.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var p1363 = _key.SignHash(SHA256.HashData(message), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var r = new BigInteger(p1363.AsSpan(0, 32), isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(p1363.AsSpan(32), isUnsigned: true, isBigEndian: true);
        if (s > Order / 2)
        {
            s = Order - s;
        }
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(s);
        }
        return writer.Encode();
    }

    /// <summary>Disposes the key and certificate.</summary>
    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{MspId}:{Certificate.Subject}";
}
