using Ceiba.Network.Msp.Tests.Support;

namespace Ceiba.Network.Msp.Tests;

public sealed class MspFolderTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CertificateAuthority _ca = Orgs.NewCa();
    private readonly CertificateAuthority _tlsCa = Orgs.NewTlsCa();

    public void Dispose()
    {
        _ca.Dispose();
        _tlsCa.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Local_msp_is_laid_out_as_cryptogen_lays_it_out()
    {
        // Arrange
        using var peer = _ca.IssueIdentity($"peer0.{Orgs.Domain}", NodeOURole.Peer);
        var msp = _directory.Combine("peers", $"peer0.{Orgs.Domain}", "msp");

        // Act
        MspFolder.WriteLocal(msp, _ca.Certificate, _tlsCa.Certificate, peer);

        // Assert
        Assert.Equal(
            [
                "cacerts/ca.habana.ceiba.local-cert.pem",
                "config.yaml",
                "keystore/priv_sk",
                "signcerts/peer0.habana.ceiba.local-cert.pem",
                "tlscacerts/tlsca.habana.ceiba.local-cert.pem",
            ],
            Files(msp));
        Assert.True(Directory.Exists(Path.Combine(msp, "admincerts")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(msp, "admincerts")));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(Path.Combine(msp, "keystore", "priv_sk")), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(msp, "keystore", "priv_sk")));
        }

        Assert.Equal(_ca.Credential.CertificatePem, File.ReadAllText(Path.Combine(msp, "cacerts", "ca.habana.ceiba.local-cert.pem")));
    }

    [Fact]
    public void Config_yaml_enables_node_ous_pointing_at_the_ca_certificate()
    {
        // Arrange
        var msp = _directory.Combine("msp");

        // Act
        MspFolder.WriteVerifying(msp, _ca.Certificate, _tlsCa.Certificate);

        // Assert
        const string expected = """
            NodeOUs:
              Enable: true
              ClientOUIdentifier:
                Certificate: cacerts/ca.habana.ceiba.local-cert.pem
                OrganizationalUnitIdentifier: client
              PeerOUIdentifier:
                Certificate: cacerts/ca.habana.ceiba.local-cert.pem
                OrganizationalUnitIdentifier: peer
              AdminOUIdentifier:
                Certificate: cacerts/ca.habana.ceiba.local-cert.pem
                OrganizationalUnitIdentifier: admin
              OrdererOUIdentifier:
                Certificate: cacerts/ca.habana.ceiba.local-cert.pem
                OrganizationalUnitIdentifier: orderer

            """;
        Assert.Equal(expected, File.ReadAllText(Path.Combine(msp, "config.yaml")));
    }

    [Fact]
    public void Verifying_msp_has_no_keys_and_reads_back()
    {
        // Arrange
        var msp = _directory.Combine("msp");
        MspFolder.WriteVerifying(msp, _ca.Certificate, _tlsCa.Certificate);

        // Act
        var contents = MspFolder.Read(msp);

        // Assert
        Assert.Equal(["cacerts/ca.habana.ceiba.local-cert.pem", "config.yaml", "tlscacerts/tlsca.habana.ceiba.local-cert.pem"], Files(msp));
        Assert.Null(contents.SigningCredential);
        Assert.Equal(_ca.Certificate.RawData, Assert.Single(contents.CaCerts).RawData);
        Assert.Equal(_tlsCa.Certificate.RawData, Assert.Single(contents.TlsCaCerts).RawData);
        Assert.Empty(contents.AdminCerts);
        Assert.Empty(contents.IntermediateCerts);
    }

    [Fact]
    public void Local_msp_round_trips_with_its_signing_credential_and_node_ous()
    {
        // Arrange
        using var admin = _ca.IssueIdentity($"Admin@{Orgs.Domain}", NodeOURole.Admin);
        var msp = _directory.Combine("users", $"Admin@{Orgs.Domain}", "msp");
        MspFolder.WriteLocal(msp, _ca.Certificate, _tlsCa.Certificate, admin);

        // Act
        var contents = MspFolder.Read(msp);

        // Assert
        Assert.NotNull(contents.SigningCredential);
        Assert.Equal(admin.Certificate.RawData, contents.SigningCredential.Certificate.RawData);
        Assert.Equal(admin.PrivateKey.ExportSubjectPublicKeyInfo(), contents.SigningCredential.PrivateKey.ExportSubjectPublicKeyInfo());
        var nodeOUs = Assert.IsType<NodeOUConfig>(contents.NodeOUs);
        Assert.True(nodeOUs.Enable);
        foreach (var role in NodeOURoles.All)
        {
            var identifier = Assert.IsType<NodeOUIdentifier>(nodeOUs.Get(role));
            Assert.Equal(role.ToOUName(), identifier.OrganizationalUnit);
            Assert.Equal(_ca.Certificate.RawData, identifier.Certificate!.RawData);
        }
    }

    [Fact]
    public void General_write_reads_back_intermediates_and_admin_certs()
    {
        // Arrange
        using var intermediate = _ca.CreateIntermediate($"ica.{Orgs.Domain}");
        using var admin = intermediate.IssueIdentity($"Admin@{Orgs.Domain}", role: null);
        var msp = _directory.Combine("msp");
        var written = new MspFolderContents
        {
            CaCerts = [_ca.Certificate],
            IntermediateCerts = [intermediate.Certificate],
            TlsCaCerts = [_tlsCa.Certificate],
            AdminCerts = [admin.Certificate],
            NodeOUs = NodeOUConfig.Standard(intermediate.Certificate),
        };

        // Act
        MspFolder.Write(msp, written);
        var read = MspFolder.Read(msp);

        // Assert
        Assert.Contains("Certificate: intermediatecerts/ica.habana.ceiba.local-cert.pem", File.ReadAllText(Path.Combine(msp, "config.yaml")), StringComparison.Ordinal);
        Assert.Equal(intermediate.Certificate.RawData, Assert.Single(read.IntermediateCerts).RawData);
        Assert.Equal(admin.Certificate.RawData, Assert.Single(read.AdminCerts).RawData);
        Assert.Equal(intermediate.Certificate.RawData, read.NodeOUs!.Peer!.Certificate!.RawData);
    }

    [Fact]
    public void Reading_fabric_style_config_without_certificates_or_orderer_works()
    {
        // Arrange: a hand-written config, as fabric-ca-client users often write one.
        var msp = _directory.Combine("msp");
        MspFolder.WriteVerifying(msp, _ca.Certificate, _tlsCa.Certificate);
        File.WriteAllText(Path.Combine(msp, "config.yaml"), """
            NodeOUs:
              Enable: true
              ClientOUIdentifier:
                OrganizationalUnitIdentifier: client
              PeerOUIdentifier:
                OrganizationalUnitIdentifier: peer
              AdminOUIdentifier:
                OrganizationalUnitIdentifier: admin
            OrganizationalUnitIdentifiers: []
            """);

        // Act
        var nodeOUs = MspFolder.Read(msp).NodeOUs;

        // Assert
        Assert.NotNull(nodeOUs);
        Assert.Equal("peer", nodeOUs.Peer!.OrganizationalUnit);
        Assert.Null(nodeOUs.Peer.Certificate);
        Assert.Null(nodeOUs.Orderer);
    }

    [Fact]
    public void Reading_a_folder_without_cacerts_fails_clearly()
    {
        // Arrange
        var msp = Directory.CreateDirectory(_directory.Combine("empty-msp")).FullName;

        // Act
        var error = Assert.Throws<InvalidDataException>(() => MspFolder.Read(msp));

        // Assert
        Assert.Contains("no certificate in cacerts/", error.Message, StringComparison.Ordinal);
        Assert.Throws<DirectoryNotFoundException>(() => MspFolder.Read(_directory.Combine("missing")));
    }

    [Fact]
    public void Node_tls_folder_round_trips_server_pair()
    {
        // Arrange
        using var tls = _tlsCa.IssueTls($"peer0.{Orgs.Domain}");
        var folder = _directory.Combine("tls");

        // Act
        TlsFolder.WriteServer(folder, _tlsCa.Certificate, tls);
        var read = TlsFolder.Read(folder);

        // Assert
        Assert.Equal(["ca.crt", "server.crt", "server.key"], Files(folder));
        Assert.True(read.IsServer);
        Assert.Equal(_tlsCa.Certificate.RawData, read.CaCertificate.RawData);
        Assert.Equal(tls.Certificate.RawData, read.Credential.Certificate.RawData);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(Path.Combine(folder, "server.key")), StringComparison.Ordinal);
    }

    [Fact]
    public void User_tls_folder_round_trips_client_pair()
    {
        // Arrange
        using var tls = _tlsCa.IssueTls($"User1@{Orgs.Domain}");
        var folder = _directory.Combine("tls");

        // Act
        TlsFolder.WriteClient(folder, _tlsCa.Certificate, tls);
        var read = TlsFolder.Read(folder);

        // Assert
        Assert.Equal(["ca.crt", "client.crt", "client.key"], Files(folder));
        Assert.False(read.IsServer);
        Assert.Equal(tls.Certificate.RawData, read.Credential.Certificate.RawData);
    }

    private static string[] Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
