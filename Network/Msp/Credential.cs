using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp;

/// <summary>An X.509 certificate with its P-256 private key. Disposing it disposes both.</summary>
/// <param name="certificate">The certificate (its own private key, if any, is not used).</param>
/// <param name="privateKey">The private key matching the certificate's public key.</param>
public sealed class Credential(X509Certificate2 certificate, ECDsa privateKey) : IDisposable
{
    /// <summary>The certificate.</summary>
    public X509Certificate2 Certificate { get; } = certificate ?? throw new ArgumentNullException(nameof(certificate));

    /// <summary>The private key.</summary>
    public ECDsa PrivateKey { get; } = privateKey ?? throw new ArgumentNullException(nameof(privateKey));

    /// <summary>The certificate as PEM (Go layout: 64-character lines, final newline).</summary>
    public string CertificatePem => Pem.EncodeCertificate(Certificate);

    /// <summary>The private key as unencrypted PKCS#8 PEM.</summary>
    public string PrivateKeyPem => Pem.EncodePrivateKey(PrivateKey);

    /// <summary>A signer over the private key (low-S DER over a SHA-256 digest).</summary>
    public Signer CreateSigner() => Signers.NewPrivateKeySigner(PrivateKey);

    /// <summary>A copy of the certificate bound to the private key, e.g. for a TLS server. The caller owns it.</summary>
    public X509Certificate2 CreateCertificateWithKey() => Certificate.CopyWithPrivateKey(PrivateKey);

    /// <summary>Loads a credential from a certificate PEM and a private key PEM.</summary>
    /// <exception cref="CryptographicException">Either text is not valid PEM, or the key does not match the certificate.</exception>
    public static Credential FromPem(ReadOnlySpan<char> certificatePem, ReadOnlySpan<char> privateKeyPem)
    {
        var certificate = Pem.LoadCertificate(certificatePem);
        var key = Pem.LoadPrivateKey(privateKeyPem);
        using var publicKey = certificate.GetECDsaPublicKey();
        if (publicKey is null || !publicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
        {
            key.Dispose();
            certificate.Dispose();
            throw new CryptographicException("The private key does not match the certificate's public key.");
        }

        return new Credential(certificate, key);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        PrivateKey.Dispose();
        Certificate.Dispose();
    }
}
