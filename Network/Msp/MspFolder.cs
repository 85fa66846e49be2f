using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp.Internal;

namespace Ceiba.Network.Msp;

/// <summary>
/// Writes and reads MSP folders laid out as cryptogen lays them out, so Fabric's peer, orderer and
/// tools load them unchanged:
/// <code>
/// msp/
///   admincerts/                      (empty with NodeOUs)
///   cacerts/ca.habana.ceiba.local-cert.pem
///   intermediatecerts/               (only when there are intermediates)
///   tlscacerts/tlsca.habana.ceiba.local-cert.pem
///   config.yaml                      (NodeOUs)
///   keystore/priv_sk                 (local MSPs: PKCS#8 PEM)
///   signcerts/peer0.habana.ceiba.local-cert.pem   (local MSPs)
/// </code>
/// </summary>
public static class MspFolder
{
    /// <summary>The config file name.</summary>
    public const string ConfigFileName = "config.yaml";

    /// <summary>The private key file name cryptogen (Fabric 2.x) writes in <c>keystore/</c>.</summary>
    public const string PrivateKeyFileName = "priv_sk";

    /// <summary>
    /// Writes an organization's verifying MSP: cacerts, tlscacerts, an empty admincerts and a
    /// NodeOUs config.yaml pointing at the CA certificate. No keys.
    /// </summary>
    public static void WriteVerifying(string mspDirectory, X509Certificate2 caCertificate, X509Certificate2 tlsCaCertificate)
    {
        ArgumentNullException.ThrowIfNull(caCertificate);
        ArgumentNullException.ThrowIfNull(tlsCaCertificate);
        Write(mspDirectory, new MspFolderContents
        {
            CaCerts = [caCertificate],
            TlsCaCerts = [tlsCaCertificate],
            NodeOUs = NodeOUConfig.Standard(caCertificate),
        });
    }

    /// <summary>
    /// Writes a node's or user's local (signing) MSP: the verifying content plus
    /// <c>signcerts/&lt;CN&gt;-cert.pem</c> and <c>keystore/priv_sk</c>.
    /// </summary>
    public static void WriteLocal(string mspDirectory, X509Certificate2 caCertificate, X509Certificate2 tlsCaCertificate, Credential signingCredential)
    {
        ArgumentNullException.ThrowIfNull(caCertificate);
        ArgumentNullException.ThrowIfNull(tlsCaCertificate);
        ArgumentNullException.ThrowIfNull(signingCredential);
        Write(mspDirectory, new MspFolderContents
        {
            CaCerts = [caCertificate],
            TlsCaCerts = [tlsCaCertificate],
            NodeOUs = NodeOUConfig.Standard(caCertificate),
            SigningCredential = signingCredential,
        });
    }

    /// <summary>
    /// Writes <paramref name="contents"/> into <paramref name="mspDirectory"/> (created if needed).
    /// Certificate files are named <c>&lt;CN&gt;-cert.pem</c>. A NodeOU's certificate must be one of
    /// the CA or intermediate certificates, and is referenced by its path (<c>cacerts/...</c>).
    /// </summary>
    public static void Write(string mspDirectory, MspFolderContents contents)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mspDirectory);
        ArgumentNullException.ThrowIfNull(contents);
        var certificatePaths = new Dictionary<string, string>(StringComparer.Ordinal);
        WriteCertificates(mspDirectory, "cacerts", contents.CaCerts, certificatePaths);
        WriteCertificates(mspDirectory, "intermediatecerts", contents.IntermediateCerts, certificatePaths, createWhenEmpty: false);
        WriteCertificates(mspDirectory, "tlscacerts", contents.TlsCaCerts, null);
        WriteCertificates(mspDirectory, "tlsintermediatecerts", contents.TlsIntermediateCerts, null, createWhenEmpty: false);
        WriteCertificates(mspDirectory, "admincerts", contents.AdminCerts, null);

        if (contents.NodeOUs is { } nodeOUs)
        {
            File.WriteAllText(Path.Combine(mspDirectory, ConfigFileName), MspConfigYaml.Write(ToYaml(nodeOUs, certificatePaths)));
        }

        if (contents.SigningCredential is { } signing)
        {
            var signcerts = Directory.CreateDirectory(Path.Combine(mspDirectory, "signcerts")).FullName;
            PemFiles.WriteCertificate(Path.Combine(signcerts, PemFiles.CertificateFileName(signing.Certificate)), signing.Certificate);
            var keystore = Directory.CreateDirectory(Path.Combine(mspDirectory, "keystore")).FullName;
            PemFiles.WritePrivateKey(Path.Combine(keystore, PrivateKeyFileName), signing.PrivateKey);
        }
    }

    /// <summary>
    /// Reads an MSP folder: CA, intermediate, TLS and admin certificates, the NodeOUs of config.yaml
    /// (their certificates resolved), and, when <c>signcerts/</c> and <c>keystore/</c> are present,
    /// the signing credential (the key whose public key matches the signing certificate).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder has no CA certificate, or config.yaml or the keystore is inconsistent.</exception>
    public static MspFolderContents Read(string mspDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mspDirectory);
        if (!Directory.Exists(mspDirectory))
        {
            throw new DirectoryNotFoundException($"MSP folder not found: {mspDirectory}");
        }

        var caCerts = PemFiles.ReadCertificates(Path.Combine(mspDirectory, "cacerts"));
        if (caCerts.Count == 0)
        {
            throw new InvalidDataException($"MSP folder {mspDirectory} has no certificate in cacerts/.");
        }

        var configPath = Path.Combine(mspDirectory, ConfigFileName);
        return new MspFolderContents
        {
            CaCerts = caCerts,
            IntermediateCerts = PemFiles.ReadCertificates(Path.Combine(mspDirectory, "intermediatecerts")),
            TlsCaCerts = PemFiles.ReadCertificates(Path.Combine(mspDirectory, "tlscacerts")),
            TlsIntermediateCerts = PemFiles.ReadCertificates(Path.Combine(mspDirectory, "tlsintermediatecerts")),
            AdminCerts = PemFiles.ReadCertificates(Path.Combine(mspDirectory, "admincerts")),
            NodeOUs = File.Exists(configPath) ? FromYaml(mspDirectory, MspConfigYaml.Read(File.ReadAllText(configPath))) : null,
            SigningCredential = ReadSigningCredential(mspDirectory),
        };
    }

    private static void WriteCertificates(string mspDirectory, string folder, IReadOnlyList<X509Certificate2> certificates, Dictionary<string, string>? paths, bool createWhenEmpty = true)
    {
        if (certificates.Count == 0 && !createWhenEmpty)
        {
            return;
        }

        var directory = Directory.CreateDirectory(Path.Combine(mspDirectory, folder)).FullName;
        foreach (var certificate in certificates)
        {
            var fileName = PemFiles.CertificateFileName(certificate);
            PemFiles.WriteCertificate(Path.Combine(directory, fileName), certificate);
            paths?.TryAdd(certificate.Thumbprint, $"{folder}/{fileName}");
        }
    }

    private static MspConfigYaml.ConfigFile ToYaml(NodeOUConfig nodeOUs, Dictionary<string, string> certificatePaths)
    {
        MspConfigYaml.OUIdentifier? Identifier(NodeOUIdentifier? identifier) => identifier is null ? null : new()
        {
            Certificate = identifier.Certificate is null ? null
                : certificatePaths.TryGetValue(identifier.Certificate.Thumbprint, out var path) ? path
                : throw new ArgumentException($"NodeOU '{identifier.OrganizationalUnit}' names a certificate that is not among the MSP's CA or intermediate certificates."),
            OrganizationalUnitIdentifier = identifier.OrganizationalUnit,
        };

        return new MspConfigYaml.ConfigFile
        {
            NodeOUs = new()
            {
                Enable = nodeOUs.Enable,
                ClientOUIdentifier = Identifier(nodeOUs.Client),
                PeerOUIdentifier = Identifier(nodeOUs.Peer),
                AdminOUIdentifier = Identifier(nodeOUs.Admin),
                OrdererOUIdentifier = Identifier(nodeOUs.Orderer),
            },
        };
    }

    private static NodeOUConfig? FromYaml(string mspDirectory, MspConfigYaml.ConfigFile config)
    {
        if (config.NodeOUs is not { } section)
        {
            return null;
        }

        NodeOUIdentifier? Identifier(MspConfigYaml.OUIdentifier? identifier)
        {
            if (identifier is null)
            {
                return null;
            }

            if (string.IsNullOrEmpty(identifier.OrganizationalUnitIdentifier))
            {
                throw new InvalidDataException($"{ConfigFileName} in {mspDirectory}: a NodeOU identifier has no OrganizationalUnitIdentifier.");
            }

            X509Certificate2? certificate = null;
            if (!string.IsNullOrEmpty(identifier.Certificate))
            {
                var path = Path.Combine(mspDirectory, identifier.Certificate);
                if (!File.Exists(path))
                {
                    throw new InvalidDataException($"{ConfigFileName} in {mspDirectory}: NodeOU certificate {identifier.Certificate} not found.");
                }

                certificate = Pem.LoadCertificate(File.ReadAllText(path));
            }

            return new NodeOUIdentifier(identifier.OrganizationalUnitIdentifier, certificate);
        }

        return new NodeOUConfig(
            section.Enable,
            Identifier(section.ClientOUIdentifier),
            Identifier(section.PeerOUIdentifier),
            Identifier(section.AdminOUIdentifier),
            Identifier(section.OrdererOUIdentifier));
    }

    private static Credential? ReadSigningCredential(string mspDirectory)
    {
        var signcerts = PemFiles.ReadCertificates(Path.Combine(mspDirectory, "signcerts"));
        var keystore = Path.Combine(mspDirectory, "keystore");
        if (signcerts.Count == 0 || !Directory.Exists(keystore))
        {
            return null;
        }

        var certificate = signcerts[0];
        using var publicKey = certificate.GetECDsaPublicKey()
            ?? throw new InvalidDataException($"The signing certificate in {mspDirectory}/signcerts is not an ECDSA certificate.");
        var expected = publicKey.ExportSubjectPublicKeyInfo();

        // Like Fabric's file keystore: any file in keystore/ may hold the key; the one matching the certificate wins.
        foreach (var file in Directory.EnumerateFiles(keystore).Order(StringComparer.Ordinal))
        {
            ECDsa key;
            try
            {
                key = Pem.LoadPrivateKey(File.ReadAllText(file));
            }
            catch (CryptographicException)
            {
                continue;
            }

            if (key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(expected))
            {
                return new Credential(certificate, key);
            }

            key.Dispose();
        }

        throw new InvalidDataException($"No private key in {keystore} matches the signing certificate.");
    }
}
