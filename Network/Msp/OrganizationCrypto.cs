using Ceiba.Network.Msp.Internal;

namespace Ceiba.Network.Msp;

/// <summary>
/// One organization's crypto material, written in cryptogen's tree so Fabric's binaries and the
/// Fabric samples' scripts find everything where they expect it:
/// <code>
/// &lt;org&gt;/ca/ca.&lt;domain&gt;-cert.pem, priv_sk
/// &lt;org&gt;/tlsca/tlsca.&lt;domain&gt;-cert.pem, priv_sk
/// &lt;org&gt;/msp/                                   (verifying MSP)
/// &lt;org&gt;/peers/peer0.&lt;domain&gt;/{msp,tls}        (orderers/ for orderer nodes)
/// &lt;org&gt;/users/Admin@&lt;domain&gt;/{msp,tls}
/// </code>
/// </summary>
public sealed class OrganizationCrypto : IDisposable
{
    private OrganizationCrypto(string domain, string mspId, CertificateAuthority ca, CertificateAuthority tlsCa)
    {
        Domain = domain;
        MspId = mspId;
        Ca = ca;
        TlsCa = tlsCa;
    }

    /// <summary>The organization's domain, e.g. <c>habana.ceiba.local</c>.</summary>
    public string Domain { get; }

    /// <summary>The MSP ID, e.g. <c>HabanaMSP</c>.</summary>
    public string MspId { get; }

    /// <summary>The signing CA, <c>ca.&lt;domain&gt;</c>.</summary>
    public CertificateAuthority Ca { get; }

    /// <summary>The TLS CA, <c>tlsca.&lt;domain&gt;</c>.</summary>
    public CertificateAuthority TlsCa { get; }

    /// <summary>Creates the organization's two root CAs, <c>ca.&lt;domain&gt;</c> and <c>tlsca.&lt;domain&gt;</c>.</summary>
    public static OrganizationCrypto Create(string domain, string mspId, CertificateAuthorityOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(mspId);
        var ca = CertificateAuthority.CreateRoot($"ca.{domain}", domain, options);
        var tlsCa = CertificateAuthority.CreateRoot($"tlsca.{domain}", domain, options);
        return new OrganizationCrypto(domain, mspId, ca, tlsCa);
    }

    /// <summary>Loads the CAs back from an organization folder written by <see cref="WriteOrganization"/> (or by cryptogen).</summary>
    public static OrganizationCrypto Load(string organizationDirectory, string mspId, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationDirectory);
        var ca = CertificateAuthority.FromCredential(ReadCaFolder(Path.Combine(organizationDirectory, "ca")), clock);
        var tlsCa = CertificateAuthority.FromCredential(ReadCaFolder(Path.Combine(organizationDirectory, "tlsca")), clock);
        var domain = DistinguishedNames.GetFirst(ca.Certificate.SubjectName, DistinguishedNames.OrganizationOid)
            ?? ca.CommonName.Replace("ca.", string.Empty, StringComparison.Ordinal);
        return new OrganizationCrypto(domain, mspId, ca, tlsCa);
    }

    /// <summary>Writes <c>ca/</c>, <c>tlsca/</c> (certificate and <c>priv_sk</c>) and the verifying <c>msp/</c>.</summary>
    public void WriteOrganization(string organizationDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationDirectory);
        WriteCaFolder(Path.Combine(organizationDirectory, "ca"), Ca);
        WriteCaFolder(Path.Combine(organizationDirectory, "tlsca"), TlsCa);
        MspFolder.WriteVerifying(Path.Combine(organizationDirectory, "msp"), Ca.Certificate, TlsCa.Certificate);
    }

    /// <summary>
    /// Issues a peer or orderer <c>&lt;name&gt;.&lt;domain&gt;</c> and writes its <c>msp/</c> and <c>tls/</c> under
    /// <c>peers/</c> or <c>orderers/</c>. TLS SANs: localhost, 127.0.0.1, the full and short host names, and <paramref name="extraNames"/>.
    /// </summary>
    /// <returns>The node's directory.</returns>
    public string WriteNode(string organizationDirectory, string name, NodeOURole role, IEnumerable<string>? extraNames = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (role is not (NodeOURole.Peer or NodeOURole.Orderer))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "A node is a peer or an orderer.");
        }

        var hostName = $"{name}.{Domain}";
        var nodeDirectory = Path.Combine(organizationDirectory, role == NodeOURole.Peer ? "peers" : "orderers", hostName);
        using var signing = Ca.IssueIdentity(hostName, role);
        using var tls = TlsCa.IssueTls(hostName, [name, .. extraNames ?? []]);
        MspFolder.WriteLocal(Path.Combine(nodeDirectory, "msp"), Ca.Certificate, TlsCa.Certificate, signing);
        TlsFolder.WriteServer(Path.Combine(nodeDirectory, "tls"), TlsCa.Certificate, tls);
        return nodeDirectory;
    }

    /// <summary>
    /// Issues a user <c>&lt;name&gt;@&lt;domain&gt;</c> (role client or admin, with optional attributes) and writes
    /// its <c>msp/</c> and <c>tls/</c> (client.crt, client.key) under <c>users/</c>.
    /// </summary>
    /// <returns>The user's directory.</returns>
    public string WriteUser(string organizationDirectory, string name, NodeOURole role = NodeOURole.Client, IssueOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (role is not (NodeOURole.Client or NodeOURole.Admin))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "A user is a client or an admin.");
        }

        var userName = $"{name}@{Domain}";
        var userDirectory = Path.Combine(organizationDirectory, "users", userName);
        using var signing = Ca.IssueIdentity(userName, role, options);
        using var tls = TlsCa.IssueTls(userName);
        MspFolder.WriteLocal(Path.Combine(userDirectory, "msp"), Ca.Certificate, TlsCa.Certificate, signing);
        TlsFolder.WriteClient(Path.Combine(userDirectory, "tls"), TlsCa.Certificate, tls);
        return userDirectory;
    }

    /// <summary>The in-memory MSP definition of the organization (as its verifying MSP folder describes it).</summary>
    public MspDefinition ToDefinition() => new(MspId, [Ca.Certificate])
    {
        TlsCaCerts = [TlsCa.Certificate],
        NodeOUs = NodeOUConfig.Standard(Ca.Certificate),
    };

    /// <inheritdoc />
    public void Dispose()
    {
        Ca.Dispose();
        TlsCa.Dispose();
    }

    private static void WriteCaFolder(string directory, CertificateAuthority ca)
    {
        Directory.CreateDirectory(directory);
        PemFiles.WriteCertificate(Path.Combine(directory, PemFiles.CertificateFileName(ca.Certificate)), ca.Certificate);
        PemFiles.WritePrivateKey(Path.Combine(directory, MspFolder.PrivateKeyFileName), ca.Credential.PrivateKey);
    }

    private static Credential ReadCaFolder(string directory)
    {
        var certificateFile = Directory.EnumerateFiles(directory, "*-cert.pem").Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new FileNotFoundException($"No *-cert.pem CA certificate in {directory}.");
        // Fabric 2.x cryptogen writes priv_sk; 1.x wrote <ski>_sk.
        var keyFile = Directory.EnumerateFiles(directory, "*_sk").Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new FileNotFoundException($"No private key (priv_sk) in {directory}.");
        return Credential.FromPem(File.ReadAllText(certificateFile), File.ReadAllText(keyFile));
    }
}
