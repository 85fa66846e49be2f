using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp.Internal;

/// <summary>Reads and writes PEM files in MSP and TLS folders.</summary>
internal static class PemFiles
{
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>cryptogen's name for a CA or signing certificate file: <c>&lt;CN&gt;-cert.pem</c>.</summary>
    public static string CertificateFileName(X509Certificate2 certificate) =>
        $"{certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false)}-cert.pem";

    public static void WriteCertificate(string path, X509Certificate2 certificate) =>
        File.WriteAllText(path, Pem.EncodeCertificate(certificate));

    /// <summary>Writes a private key readable by its owner only (0600), as cryptogen does.</summary>
    public static void WritePrivateKey(string path, System.Security.Cryptography.ECDsa key)
    {
        File.WriteAllText(path, Pem.EncodePrivateKey(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, PrivateFileMode);
        }
    }

    /// <summary>Every certificate in every file of <paramref name="directory"/> (sorted by name); empty when it does not exist.</summary>
    public static List<X509Certificate2> ReadCertificates(string directory)
    {
        var certificates = new List<X509Certificate2>();
        if (!Directory.Exists(directory))
        {
            return certificates;
        }

        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            certificates.AddRange(Pem.LoadCertificates(File.ReadAllText(file)));
        }

        return certificates;
    }
}
