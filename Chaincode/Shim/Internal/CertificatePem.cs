using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>Loads the first PEM certificate from a creator's id bytes.</summary>
internal static class CertificatePem
{
    public static X509Certificate2 Load(ReadOnlySpan<byte> pemBytes)
    {
        var text = Encoding.UTF8.GetString(pemBytes);
        if (!PemEncoding.TryFind(text, out var fields) || text[fields.Label] is not "CERTIFICATE")
        {
            throw new ArgumentException("The creator does not hold a PEM certificate.", nameof(pemBytes));
        }
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text[fields.Base64Data]));
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException($"The creator's certificate cannot be read: {e.Message}", nameof(pemBytes), e);
        }
    }
}
