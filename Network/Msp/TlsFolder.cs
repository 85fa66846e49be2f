using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp.Internal;

namespace Ceiba.Network.Msp;

/// <summary>
/// Writes and reads the <c>tls/</c> folder cryptogen gives each node (<c>ca.crt</c>, <c>server.crt</c>,
/// <c>server.key</c>) and each user (<c>ca.crt</c>, <c>client.crt</c>, <c>client.key</c>).
/// </summary>
public static class TlsFolder
{
    /// <summary>The TLS CA certificate file.</summary>
    public const string CaFileName = "ca.crt";

    /// <summary>Writes a node's TLS folder: <c>ca.crt</c>, <c>server.crt</c>, <c>server.key</c> (PKCS#8 PEM, 0600).</summary>
    public static void WriteServer(string tlsDirectory, X509Certificate2 tlsCaCertificate, Credential tlsCredential) =>
        Write(tlsDirectory, tlsCaCertificate, tlsCredential, "server");

    /// <summary>Writes a user's TLS folder: <c>ca.crt</c>, <c>client.crt</c>, <c>client.key</c> (PKCS#8 PEM, 0600).</summary>
    public static void WriteClient(string tlsDirectory, X509Certificate2 tlsCaCertificate, Credential tlsCredential) =>
        Write(tlsDirectory, tlsCaCertificate, tlsCredential, "client");

    /// <summary>Reads a TLS folder: the server pair when present, else the client pair.</summary>
    /// <exception cref="FileNotFoundException">ca.crt, or both the server and client pairs, are missing.</exception>
    public static TlsFolderContents Read(string tlsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tlsDirectory);
        var caPath = Path.Combine(tlsDirectory, CaFileName);
        if (!File.Exists(caPath))
        {
            throw new FileNotFoundException($"TLS CA certificate not found: {caPath}", caPath);
        }

        var ca = Pem.LoadCertificate(File.ReadAllText(caPath));
        foreach (var (prefix, isServer) in new[] { ("server", true), ("client", false) })
        {
            var certificatePath = Path.Combine(tlsDirectory, $"{prefix}.crt");
            var keyPath = Path.Combine(tlsDirectory, $"{prefix}.key");
            if (File.Exists(certificatePath) && File.Exists(keyPath))
            {
                return new TlsFolderContents(ca, Credential.FromPem(File.ReadAllText(certificatePath), File.ReadAllText(keyPath)), isServer);
            }
        }

        throw new FileNotFoundException($"No server.crt/server.key or client.crt/client.key pair in {tlsDirectory}.");
    }

    private static void Write(string tlsDirectory, X509Certificate2 tlsCaCertificate, Credential tlsCredential, string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tlsDirectory);
        ArgumentNullException.ThrowIfNull(tlsCaCertificate);
        ArgumentNullException.ThrowIfNull(tlsCredential);
        Directory.CreateDirectory(tlsDirectory);
        PemFiles.WriteCertificate(Path.Combine(tlsDirectory, CaFileName), tlsCaCertificate);
        PemFiles.WriteCertificate(Path.Combine(tlsDirectory, $"{prefix}.crt"), tlsCredential.Certificate);
        PemFiles.WritePrivateKey(Path.Combine(tlsDirectory, $"{prefix}.key"), tlsCredential.PrivateKey);
    }
}
