using System.Security.Cryptography;
using Ceiba.Network.Msp;

namespace Ceiba.Network.Topology.Generation.Crypto;

using CertificateAuthority = Ceiba.Network.Msp.CertificateAuthority;

/// <summary>Loads an organization's CA from its folder (<c>ca/</c> or <c>tlsca/</c>), or creates and saves a new one.</summary>
internal static class CaStore
{
    public static (CertificateAuthority Ca, bool Created) LoadOrCreate(
        string directory, string commonName, string organization, CertificateAuthorityOptions options, bool force)
    {
        var certificateFile = Path.Combine(directory, $"{commonName}-cert.pem");
        var keyFile = Path.Combine(directory, MspFolder.PrivateKeyFileName);
        if (!force && File.Exists(certificateFile) && File.Exists(keyFile))
        {
            try
            {
                var credential = Credential.FromPem(File.ReadAllText(certificateFile), File.ReadAllText(keyFile));
                return (CertificateAuthority.FromCredential(credential, options.Clock), false);
            }
            catch (Exception error) when (error is CryptographicException or ArgumentException or InvalidDataException)
            {
                throw new GenerationException(
                    $"{certificateFile}: the existing CA certificate or key cannot be loaded ({error.Message}); use --force to regenerate the network's crypto material.", error);
            }
        }

        var ca = CertificateAuthority.CreateRoot(commonName, organization, options);
        Directory.CreateDirectory(directory);
        File.WriteAllText(certificateFile, ca.Credential.CertificatePem);
        File.WriteAllText(keyFile, ca.Credential.PrivateKeyPem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (ca, true);
    }
}
