using Ceiba.Network.Msp.Tests.Support;

namespace Ceiba.Network.Msp.Tests;

public sealed class PrincipalTests : IDisposable
{
    private readonly CertificateAuthority _habana = Orgs.NewCa();
    private readonly CertificateAuthority _santiago = CertificateAuthority.CreateRoot("ca.santiago.ceiba.local", "santiago.ceiba.local");
    private readonly MspRegistry _registry;

    public PrincipalTests()
    {
        _registry = new MspRegistry(
        [
            new MembershipServiceProvider(new MspDefinition("HabanaMSP", [_habana.Certificate]) { NodeOUs = NodeOUConfig.Standard(_habana.Certificate) }),
            new MembershipServiceProvider(new MspDefinition("SantiagoMSP", [_santiago.Certificate]) { NodeOUs = NodeOUConfig.Standard(_santiago.Certificate) }),
        ]);
    }

    public void Dispose()
    {
        _habana.Dispose();
        _santiago.Dispose();
    }

    [Theory]
    [InlineData(NodeOURole.Peer, "HabanaMSP.peer", true)]
    [InlineData(NodeOURole.Peer, "HabanaMSP.member", true)]
    [InlineData(NodeOURole.Peer, "HabanaMSP.admin", false)]
    [InlineData(NodeOURole.Peer, "SantiagoMSP.peer", false)]
    [InlineData(NodeOURole.Admin, "HabanaMSP.admin", true)]
    [InlineData(NodeOURole.Admin, "HabanaMSP.client", false)]
    [InlineData(NodeOURole.Client, "HabanaMSP.client", true)]
    [InlineData(NodeOURole.Client, "HabanaMSP.peer", false)]
    [InlineData(NodeOURole.Orderer, "HabanaMSP.orderer", true)]
    [InlineData(NodeOURole.Orderer, "HabanaMSP.member", true)]
    public void Role_principals_are_satisfied_by_the_matching_node_ou(NodeOURole role, string principal, bool expected)
    {
        // Arrange
        using var credential = _habana.IssueIdentity($"someone.{Orgs.Domain}", role);
        var serialized = SerializedIdentities.Serialize("HabanaMSP", credential.Certificate);

        // Act
        var satisfied = _registry.SatisfiesPrincipal(serialized, MspPrincipal.Parse(principal));

        // Assert
        Assert.Equal(expected, satisfied);
    }

    [Fact]
    public void An_invalid_identity_satisfies_no_principal()
    {
        // Arrange: Santiago's CA cannot issue Habana identities.
        using var credential = _santiago.IssueIdentity($"peer0.{Orgs.Domain}", NodeOURole.Peer);
        var serialized = SerializedIdentities.Serialize("HabanaMSP", credential.Certificate);

        // Act
        var satisfied = _registry.SatisfiesPrincipal(serialized, MspPrincipal.Parse("HabanaMSP.member"));

        // Assert
        Assert.False(satisfied);
    }

    [Fact]
    public void A_listed_admin_certificate_satisfies_admin_without_the_admin_ou()
    {
        // Arrange
        using var credential = _habana.IssueIdentity($"Admin@{Orgs.Domain}", NodeOURole.Client);
        var msp = new MembershipServiceProvider(new MspDefinition("HabanaMSP", [_habana.Certificate])
        {
            AdminCerts = [credential.Certificate],
            NodeOUs = NodeOUConfig.Standard(_habana.Certificate),
        });
        var serialized = SerializedIdentities.Serialize("HabanaMSP", credential.Certificate);

        // Act
        var satisfied = msp.SatisfiesPrincipal(serialized, MspPrincipal.Parse("HabanaMSP.admin"));

        // Assert
        Assert.True(satisfied);
    }

    [Theory]
    [InlineData("HabanaMSP.peer", "HabanaMSP", MspRole.Peer)]
    [InlineData("Org.With.Dots.admin", "Org.With.Dots", MspRole.Admin)]
    [InlineData("SantiagoMSP.member", "SantiagoMSP", MspRole.Member)]
    public void Principals_parse_at_the_last_dot(string text, string mspId, MspRole role)
    {
        // Arrange / Act
        var principal = MspPrincipal.Parse(text);

        // Assert
        Assert.Equal(new MspPrincipal(mspId, role), principal);
        Assert.Equal(text, principal.ToString());
    }

    [Theory]
    [InlineData("HabanaMSP")]
    [InlineData(".peer")]
    [InlineData("HabanaMSP.boss")]
    [InlineData("")]
    public void Malformed_principals_do_not_parse(string text)
    {
        // Arrange / Act / Assert
        Assert.False(MspPrincipal.TryParse(text, out _));
        Assert.Throws<FormatException>(() => MspPrincipal.Parse(text));
    }

    [Fact]
    public void Duplicate_msp_ids_are_refused()
    {
        // Arrange
        var msp = new MembershipServiceProvider(new MspDefinition("HabanaMSP", [_habana.Certificate]));

        // Act / Assert
        Assert.Throws<ArgumentException>(() => new MspRegistry([msp, msp]));
    }
}
