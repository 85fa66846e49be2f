using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Ceiba.Network.Protos.Msp;
using Google.Protobuf;

namespace Ceiba.Network.Protos.Tests.Support;

/// <summary>A test-local ECDSA P-256 identity with a self-signed certificate, signing like a Fabric client.</summary>
internal sealed class TestIdentity : IDisposable
{
    private readonly ECDsa _key;

    private TestIdentity(string mspId, ECDsa key, string certificatePem)
    {
        MspId = mspId;
        _key = key;
        CertificatePem = certificatePem;
        Serialized = new SerializedIdentity { Mspid = mspId, IdBytes = ByteString.CopyFromUtf8(certificatePem) }.ToByteString();
    }

    public string MspId { get; }

    public string CertificatePem { get; }

    /// <summary>The marshaled msp.SerializedIdentity used as creator or endorser.</summary>
    public ByteString Serialized { get; }

    public static TestIdentity Create(string mspId, string commonName)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, OU=client, O={mspId}", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return new TestIdentity(mspId, key, certificate.ExportCertificatePem() + "\n");
    }

    /// <summary>ECDSA over SHA-256 of <paramref name="message"/>, as a DER SEQUENCE{r, s}.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) =>
        _key.SignHash(SHA256.HashData(message), DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>Verifies with the public key taken from the PEM certificate, as a Fabric verifier would.</summary>
    public static bool Verify(string certificatePem, ReadOnlySpan<byte> message, ReadOnlySpan<byte> derSignature)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        using var publicKey = certificate.GetECDsaPublicKey() ?? throw new InvalidOperationException("not an EC certificate");
        return publicKey.VerifyHash(SHA256.HashData(message), derSignature, DSASignatureFormat.Rfc3279DerSequence);
    }

    public static string TxId(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator) =>
        Convert.ToHexStringLower(SHA256.HashData([.. nonce, .. creator]));

    public static string Utf8(ByteString bytes) => Encoding.UTF8.GetString(bytes.Span);

    public void Dispose() => _key.Dispose();
}
