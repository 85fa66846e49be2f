using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Ceiba.Network.Msp;

/// <summary>
/// PEM text for certificates and PKCS#8 private keys, written byte for byte as Go's
/// <c>pem.EncodeToMemory</c> writes them (64-character lines, a final newline), so files and
/// serialized identities match what Fabric's own tools produce.
/// </summary>
public static class Pem
{
    /// <summary>The PEM label of an X.509 certificate.</summary>
    public const string CertificateLabel = "CERTIFICATE";

    /// <summary>The PEM label of a PKCS#8 private key.</summary>
    public const string PrivateKeyLabel = "PRIVATE KEY";

    /// <summary>Encodes a certificate as <c>-----BEGIN CERTIFICATE-----</c> PEM, ending with a newline.</summary>
    public static string EncodeCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Encode(CertificateLabel, certificate.RawData);
    }

    /// <summary>The UTF-8 bytes of <see cref="EncodeCertificate"/>: what a SerializedIdentity carries.</summary>
    public static byte[] EncodeCertificateUtf8(X509Certificate2 certificate) =>
        Encoding.ASCII.GetBytes(EncodeCertificate(certificate));

    /// <summary>Encodes a private key as unencrypted PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>), ending with a newline.</summary>
    public static string EncodePrivateKey(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return Encode(PrivateKeyLabel, privateKey.ExportPkcs8PrivateKey());
    }

    /// <summary>Loads the first <c>CERTIFICATE</c> block of <paramref name="pem"/>.</summary>
    /// <exception cref="CryptographicException">No certificate PEM block, or one that is not a valid certificate.</exception>
    public static X509Certificate2 LoadCertificate(ReadOnlySpan<char> pem)
    {
        if (!TryLoadCertificate(pem, out var certificate, out var error))
        {
            throw new CryptographicException(error);
        }

        return certificate;
    }

    /// <summary>Loads the first <c>CERTIFICATE</c> block of UTF-8 PEM bytes, such as a SerializedIdentity's id_bytes.</summary>
    /// <exception cref="CryptographicException">No certificate PEM block, or one that is not a valid certificate.</exception>
    public static X509Certificate2 LoadCertificate(ReadOnlySpan<byte> pemUtf8) => LoadCertificate(Encoding.UTF8.GetString(pemUtf8));

    /// <summary>Loads every <c>CERTIFICATE</c> block of <paramref name="pem"/>, in order (a bundle may hold several).</summary>
    public static IReadOnlyList<X509Certificate2> LoadCertificates(ReadOnlySpan<char> pem)
    {
        var certificates = new List<X509Certificate2>();
        while (PemEncoding.TryFind(pem, out var fields))
        {
            if (pem[fields.Label].SequenceEqual(CertificateLabel))
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pem[fields.Base64Data].ToString())));
            }

            pem = pem[fields.Location.End..];
        }

        return certificates;
    }

    /// <summary>Loads a private key from PEM: PKCS#8 (<c>PRIVATE KEY</c>) or SEC 1 (<c>EC PRIVATE KEY</c>).</summary>
    /// <exception cref="CryptographicException">The text holds no EC private key.</exception>
    public static ECDsa LoadPrivateKey(ReadOnlySpan<char> pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (ArgumentException e)
        {
            key.Dispose();
            throw new CryptographicException("No EC private key PEM block found.", e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads the first <c>CERTIFICATE</c> block of <paramref name="pem"/>, or says why it cannot:
    /// no PEM block, or bytes that are not an X.509 certificate.
    /// </summary>
    public static bool TryLoadCertificate(ReadOnlySpan<char> pem, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out X509Certificate2? certificate, out string error)
    {
        certificate = null;
        while (PemEncoding.TryFind(pem, out var fields))
        {
            if (pem[fields.Label].SequenceEqual(CertificateLabel))
            {
                var der = new byte[fields.DecodedDataLength];
                if (!Convert.TryFromBase64Chars(pem[fields.Base64Data], der, out _))
                {
                    break;
                }

                try
                {
                    certificate = X509CertificateLoader.LoadCertificate(der);
                    error = string.Empty;
                    return true;
                }
                catch (CryptographicException)
                {
                    error = "the PEM block is not an X.509 certificate";
                    return false;
                }
            }

            pem = pem[fields.Location.End..];
        }

        error = "no PEM certificate found";
        return false;
    }

    private static string Encode(string label, ReadOnlySpan<byte> data) =>
        string.Concat(PemEncoding.WriteString(label, data), "\n");
}
