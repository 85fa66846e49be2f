using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Topology.Generation.Crypto;

/// <summary>An organization's generated crypto material: its CA certificates and every identity's folders.</summary>
/// <param name="OrgDirectory">The organization's folder, relative to the output root.</param>
/// <param name="Identities">By identity name.</param>
public sealed record OrgCrypto(
    string MspId,
    string OrgDirectory,
    X509Certificate2 CaCertificate,
    X509Certificate2 TlsCaCertificate,
    IReadOnlyDictionary<string, IdentityPaths> Identities,
    int Generated,
    int Reused)
{
    /// <summary>The verifying MSP folder that goes into channel configuration.</summary>
    public string MspDirectory => OutputLayout.OrgMspDirectory(OrgDirectory);

    /// <summary>The CA server's TLS folder (ca.crt, server.crt, server.key).</summary>
    public string CaTlsDirectory => CaTlsDirectoryOf(OrgDirectory);

    public static string CaTlsDirectoryOf(string orgDirectory) => Path.Combine(OutputLayout.CaDirectory(orgDirectory), "tls");

    public string TlsCaCertFile => Path.Combine(OutputLayout.TlsCaDirectory(OrgDirectory), $"tlsca.{Path.GetFileName(OrgDirectory)}-cert.pem");

    public string CaCertFile => Path.Combine(OutputLayout.CaDirectory(OrgDirectory), $"ca.{Path.GetFileName(OrgDirectory)}-cert.pem");
}
