using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Msp;

namespace Ceiba.Network.Topology.Generation.Crypto;

using CertificateAuthority = Ceiba.Network.Msp.CertificateAuthority;

/// <summary>
/// The equivalent of cryptogen for one organization: a CA and a TLS CA, the org's verifying MSP folder, and a
/// local MSP plus TLS folder for each node and user. Existing keys are kept unless forced, so re-running
/// generation never invalidates a running network's identities.
/// </summary>
internal sealed class OrgCryptoGenerator(OutputLayout layout, GenerationOptions options)
{
    /// <param name="caHostName">The host name of the org's CA server, which gets a TLS server certificate in <c>ca/tls</c>; null when the org runs no CA.</param>
    public OrgCrypto Generate(string mspId, string orgDirectory, string domain, SubjectLocation location, IReadOnlyList<IdentitySpec> identities, string? caHostName)
    {
        var caOptions = new CertificateAuthorityOptions { Location = location, Clock = options.Clock };
        var (ca, caCreated) = CaStore.LoadOrCreate(layout.Full(OutputLayout.CaDirectory(orgDirectory)), $"ca.{domain}", domain, caOptions, options.Force);
        var (tlsCa, tlsCaCreated) = CaStore.LoadOrCreate(layout.Full(OutputLayout.TlsCaDirectory(orgDirectory)), $"tlsca.{domain}", domain, caOptions, options.Force);
        using (ca)
        using (tlsCa)
        {
            MspFolder.WriteVerifying(layout.Full(OutputLayout.OrgMspDirectory(orgDirectory)), ca.Certificate, tlsCa.Certificate);

            var paths = new Dictionary<string, IdentityPaths>(StringComparer.Ordinal);
            int generated = 0, reused = 0;
            foreach (var identity in identities)
            {
                var folder = identity.IsNode
                    ? (identity.Role == NodeOURole.Orderer ? OutputLayout.OrdererDirectory(orgDirectory, identity.Name) : OutputLayout.PeerDirectory(orgDirectory, identity.Name))
                    : OutputLayout.UserDirectory(orgDirectory, identity.Name);
                var identityPaths = new IdentityPaths(identity, Path.Combine(folder, "msp"), Path.Combine(folder, "tls"));
                paths[identity.Name] = identityPaths;

                if (!caCreated && !tlsCaCreated && !options.Force && IsComplete(identityPaths))
                {
                    reused++;
                    continue;
                }
                Enroll(ca, tlsCa, identityPaths);
                generated++;
            }
            if (caHostName is not null)
            {
                var caTls = layout.Full(OrgCrypto.CaTlsDirectoryOf(orgDirectory));
                if (caCreated || tlsCaCreated || options.Force || !File.Exists(Path.Combine(caTls, "server.key")))
                {
                    using var tls = tlsCa.IssueTls(caHostName);
                    TlsFolder.WriteServer(caTls, tlsCa.Certificate, tls);
                    generated++;
                }
                else
                {
                    reused++;
                }
            }
            // The CAs' key material is disposed with them; the result keeps public copies of their certificates.
            return new OrgCrypto(mspId, orgDirectory, PublicCopy(ca), PublicCopy(tlsCa), paths, generated, reused);
        }
    }

    private void Enroll(CertificateAuthority ca, CertificateAuthority tlsCa, IdentityPaths paths)
    {
        var spec = paths.Spec;
        var issue = new IssueOptions { Attributes = spec.Attributes.Count > 0 ? spec.Attributes : null };
        using var signing = ca.IssueIdentity(spec.Name, spec.Role, issue);
        MspFolder.WriteLocal(layout.Full(paths.MspDirectory), ca.Certificate, tlsCa.Certificate, signing);

        using var tls = tlsCa.IssueTls(spec.Name);
        if (spec.IsNode)
        {
            TlsFolder.WriteServer(layout.Full(paths.TlsDirectory), tlsCa.Certificate, tls);
        }
        else
        {
            TlsFolder.WriteClient(layout.Full(paths.TlsDirectory), tlsCa.Certificate, tls);
        }
    }

    private static X509Certificate2 PublicCopy(CertificateAuthority ca) => X509CertificateLoader.LoadCertificate(ca.Certificate.RawData);

    private bool IsComplete(IdentityPaths paths) =>
        File.Exists(layout.Full(paths.SignCert)) && File.Exists(layout.Full(paths.PrivateKey))
        && File.Exists(layout.Full(paths.TlsCert)) && File.Exists(layout.Full(paths.TlsKey));
}
