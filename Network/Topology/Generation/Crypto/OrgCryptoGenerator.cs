using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp;

namespace Ceiba.Network.Topology.Generation.Crypto;

using CertificateAuthority = Ceiba.Network.Msp.CertificateAuthority;

/// <summary>
/// The equivalent of cryptogen for one organization, over <see cref="OrganizationCrypto"/>: a CA and a TLS CA,
/// the org's verifying MSP folder, and a local MSP plus TLS folder for each node and user. Existing keys are
/// kept unless forced, so re-running generation never invalidates a running network's identities.
/// </summary>
internal sealed class OrgCryptoGenerator(OutputLayout layout, GenerationOptions options)
{
    /// <param name="caHostName">The host name of the org's CA server, which gets a TLS server certificate in <c>ca/tls</c>; null when the org runs no CA.</param>
    public OrgCrypto Generate(string mspId, string orgDirectory, string domain, SubjectLocation location, IReadOnlyList<IdentitySpec> identities, string? caHostName)
    {
        var orgPath = layout.Full(orgDirectory);
        var (org, reuseLeaves) = LoadOrCreate(orgPath, domain, mspId, location);
        using (org)
        {
            org.WriteOrganization(orgPath);

            var paths = new Dictionary<string, IdentityPaths>(StringComparer.Ordinal);
            int generated = 0, reused = 0;
            foreach (var identity in identities)
            {
                var folder = identity.IsNode
                    ? (identity.Role == NodeOURole.Orderer ? OutputLayout.OrdererDirectory(orgDirectory, identity.Name) : OutputLayout.PeerDirectory(orgDirectory, identity.Name))
                    : OutputLayout.UserDirectory(orgDirectory, identity.Name);
                var identityPaths = new IdentityPaths(identity, Path.Combine(folder, "msp"), Path.Combine(folder, "tls"));
                paths[identity.Name] = identityPaths;

                if (reuseLeaves && IsComplete(identityPaths))
                {
                    reused++;
                    continue;
                }
                if (identity.IsNode)
                {
                    org.WriteNode(orgPath, identity.LocalName, identity.Role);
                }
                else
                {
                    org.WriteUser(orgPath, identity.LocalName, identity.Role,
                        new IssueOptions { Attributes = identity.Attributes.Count > 0 ? identity.Attributes : null });
                }
                generated++;
            }

            if (caHostName is not null)
            {
                var caTls = layout.Full(OrgCrypto.CaTlsDirectoryOf(orgDirectory));
                if (reuseLeaves && File.Exists(Path.Combine(caTls, "server.key")))
                {
                    reused++;
                }
                else
                {
                    using var tls = org.TlsCa.IssueTls(caHostName);
                    TlsFolder.WriteServer(caTls, org.TlsCa.Certificate, tls);
                    generated++;
                }
            }
            // The CAs' key material is disposed with them; the result keeps public copies of their certificates.
            return new OrgCrypto(mspId, orgDirectory, PublicCopy(org.Ca), PublicCopy(org.TlsCa), paths, generated, reused);
        }
    }

    /// <summary>The org's existing CAs, or new ones; leaves issued by existing CAs may be kept.</summary>
    private (OrganizationCrypto Org, bool ReuseLeaves) LoadOrCreate(string orgPath, string domain, string mspId, SubjectLocation location)
    {
        var hasCas = File.Exists(Path.Combine(orgPath, "ca", MspFolder.PrivateKeyFileName))
            && File.Exists(Path.Combine(orgPath, "tlsca", MspFolder.PrivateKeyFileName));
        if (options.Force || !hasCas)
        {
            return (OrganizationCrypto.Create(domain, mspId, new CertificateAuthorityOptions { Location = location, Clock = options.Clock }), false);
        }
        try
        {
            return (OrganizationCrypto.Load(orgPath, mspId, options.Clock), true);
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException or InvalidDataException or FileNotFoundException)
        {
            throw new GenerationException(
                $"{orgPath}: the existing CA certificate or key cannot be loaded ({error.Message}); use --force to regenerate the network's crypto material.", error);
        }
    }

    private static X509Certificate2 PublicCopy(CertificateAuthority ca) => X509CertificateLoader.LoadCertificate(ca.Certificate.RawData);

    private bool IsComplete(IdentityPaths paths) =>
        File.Exists(layout.Full(paths.SignCert)) && File.Exists(layout.Full(paths.PrivateKey))
        && File.Exists(layout.Full(paths.TlsCert)) && File.Exists(layout.Full(paths.TlsKey));
}
