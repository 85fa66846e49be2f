using Ceiba.Network.Msp.Tests.Support;

namespace Ceiba.Network.Msp.Tests;

public sealed class OrganizationCryptoTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Writes_the_cryptogen_tree_for_an_organization()
    {
        // Arrange
        using var org = OrganizationCrypto.Create(Orgs.Domain, Orgs.MspId);
        var root = _directory.Combine("peerOrganizations", Orgs.Domain);

        // Act
        org.WriteOrganization(root);
        org.WriteNode(root, "peer0", NodeOURole.Peer);
        org.WriteUser(root, "Admin", NodeOURole.Admin);

        // Assert
        string[] expected =
        [
            "ca/ca.habana.ceiba.local-cert.pem",
            "ca/priv_sk",
            "msp/cacerts/ca.habana.ceiba.local-cert.pem",
            "msp/config.yaml",
            "msp/tlscacerts/tlsca.habana.ceiba.local-cert.pem",
            "peers/peer0.habana.ceiba.local/msp/cacerts/ca.habana.ceiba.local-cert.pem",
            "peers/peer0.habana.ceiba.local/msp/config.yaml",
            "peers/peer0.habana.ceiba.local/msp/keystore/priv_sk",
            "peers/peer0.habana.ceiba.local/msp/signcerts/peer0.habana.ceiba.local-cert.pem",
            "peers/peer0.habana.ceiba.local/msp/tlscacerts/tlsca.habana.ceiba.local-cert.pem",
            "peers/peer0.habana.ceiba.local/tls/ca.crt",
            "peers/peer0.habana.ceiba.local/tls/server.crt",
            "peers/peer0.habana.ceiba.local/tls/server.key",
            "tlsca/priv_sk",
            "tlsca/tlsca.habana.ceiba.local-cert.pem",
            "users/Admin@habana.ceiba.local/msp/cacerts/ca.habana.ceiba.local-cert.pem",
            "users/Admin@habana.ceiba.local/msp/config.yaml",
            "users/Admin@habana.ceiba.local/msp/keystore/priv_sk",
            "users/Admin@habana.ceiba.local/msp/signcerts/Admin@habana.ceiba.local-cert.pem",
            "users/Admin@habana.ceiba.local/msp/tlscacerts/tlsca.habana.ceiba.local-cert.pem",
            "users/Admin@habana.ceiba.local/tls/ca.crt",
            "users/Admin@habana.ceiba.local/tls/client.crt",
            "users/Admin@habana.ceiba.local/tls/client.key",
        ];
        Assert.Equal(expected, Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Node_and_user_identities_validate_against_the_org_msp_folder()
    {
        // Arrange
        using var org = OrganizationCrypto.Create(Orgs.Domain, Orgs.MspId);
        var root = _directory.Combine(Orgs.Domain);
        org.WriteOrganization(root);
        var peerDirectory = org.WriteNode(root, "peer0", NodeOURole.Peer, ["peer0-habana"]);
        var userDirectory = org.WriteUser(root, "doctor1", NodeOURole.Client, new IssueOptions
        {
            Attributes = new Dictionary<string, string> { ["role"] = "doctor" },
        });
        var msp = MembershipServiceProvider.FromFolder(Path.Combine(root, "msp"), Orgs.MspId);

        // Act
        using var peer = SigningIdentity.FromMspFolder(Path.Combine(peerDirectory, "msp"), Orgs.MspId);
        using var user = SigningIdentity.FromMspFolder(Path.Combine(userDirectory, "msp"), Orgs.MspId);
        var peerResult = msp.Validate(peer.Serialized.Span);
        var userResult = msp.Validate(user.Serialized.Span);
        var tls = TlsFolder.Read(Path.Combine(peerDirectory, "tls"));

        // Assert
        Assert.True(peerResult.IsValid, peerResult.Reason);
        Assert.True(peerResult.Identity.Satisfies(MspPrincipal.Parse("HabanaMSP.peer")));
        Assert.True(userResult.IsValid, userResult.Reason);
        Assert.Equal(NodeOURole.Client, userResult.Identity.Role);
        Assert.Equal("doctor", userResult.Identity.Attributes["role"]);
        Assert.True(tls.Credential.Certificate.MatchesHostname("peer0-habana"));
        Assert.True(tls.Credential.Certificate.MatchesHostname("peer0"));
    }

    [Fact]
    public void An_organization_loaded_from_disk_issues_identities_its_msp_accepts()
    {
        // Arrange
        var root = _directory.Combine(Orgs.Domain);
        using (var original = OrganizationCrypto.Create(Orgs.Domain, Orgs.MspId))
        {
            original.WriteOrganization(root);
        }

        // Act
        using var loaded = OrganizationCrypto.Load(root, Orgs.MspId);
        using var orderer = loaded.Ca.IssueIdentity($"orderer0.{Orgs.Domain}", NodeOURole.Orderer);
        var result = MembershipServiceProvider.FromFolder(Path.Combine(root, "msp"), Orgs.MspId).Validate(orderer.Certificate);

        // Assert
        Assert.Equal(Orgs.Domain, loaded.Domain);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(NodeOURole.Orderer, result.Identity.Role);
    }

    [Fact]
    public void Nodes_are_peers_or_orderers_and_users_are_clients_or_admins()
    {
        // Arrange
        using var org = OrganizationCrypto.Create(Orgs.Domain, Orgs.MspId);

        // Act / Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => org.WriteNode(_directory.Path, "x", NodeOURole.Client));
        Assert.Throws<ArgumentOutOfRangeException>(() => org.WriteUser(_directory.Path, "x", NodeOURole.Peer));
    }
}
