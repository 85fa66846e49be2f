using System.Text;
using Ceiba.Network.Msp.Tests.Support;

namespace Ceiba.Network.Msp.Tests;

public sealed class MembershipServiceProviderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FixedClock Clock = new(Now);

    // The CA is valid 2020–2040 so that leaves can be made expired or not yet valid at "now".
    private readonly CertificateAuthority _ca = Orgs.NewCa(new CertificateAuthorityOptions
    {
        NotBefore = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Validity = TimeSpan.FromDays(365 * 20),
        Clock = Clock,
    });

    private readonly MembershipServiceProvider _msp;

    public MembershipServiceProviderTests()
    {
        _msp = new MembershipServiceProvider(
            new MspDefinition(Orgs.MspId, [_ca.Certificate]) { NodeOUs = NodeOUConfig.Standard(_ca.Certificate) },
            Clock);
    }

    public void Dispose() => _ca.Dispose();

    [Theory]
    [InlineData(NodeOURole.Client)]
    [InlineData(NodeOURole.Peer)]
    [InlineData(NodeOURole.Admin)]
    [InlineData(NodeOURole.Orderer)]
    public void A_well_issued_identity_is_valid_with_its_role(NodeOURole role)
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"node.{Orgs.Domain}", role);
        var serialized = SerializedIdentities.Serialize(Orgs.MspId, credential.Certificate);

        // Act
        var result = _msp.Validate(serialized);

        // Assert
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(IdentityValidationError.None, result.Error);
        Assert.Equal(role, result.Identity.Role);
        Assert.Equal(Orgs.MspId, result.Identity.MspId);
        Assert.Equal(credential.Certificate.RawData, result.Identity.Certificate.RawData);
    }

    [Fact]
    public void Expired_certificate_is_rejected_with_its_expiry()
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client, new IssueOptions
        {
            NotBefore = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Validity = TimeSpan.FromDays(366),
        });

        // Act
        var result = _msp.Validate(SerializedIdentities.Serialize(Orgs.MspId, credential.Certificate));

        // Assert
        Assert.Equal(IdentityValidationError.Expired, result.Error);
        Assert.Equal("identity for \"HabanaMSP\": certificate expired on 2025-01-01T00:00:00Z", result.Reason);
    }

    [Fact]
    public void Not_yet_valid_certificate_is_rejected_with_its_start()
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client, new IssueOptions
        {
            NotBefore = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });

        // Act
        var result = _msp.Validate(SerializedIdentities.Serialize(Orgs.MspId, credential.Certificate));

        // Assert
        Assert.Equal(IdentityValidationError.NotYetValid, result.Error);
        Assert.Equal("identity for \"HabanaMSP\": certificate is not valid before 2030-01-01T00:00:00Z", result.Reason);
    }

    [Fact]
    public void Validity_follows_the_clock_for_a_cached_identity()
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client, new IssueOptions
        {
            NotBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Validity = TimeSpan.FromDays(365),
        });
        var serialized = SerializedIdentities.Serialize(Orgs.MspId, credential.Certificate);
        var definition = _msp.Definition;
        var earlier = new MembershipServiceProvider(definition, new FixedClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        var mutableClock = new MutableClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var msp = new MembershipServiceProvider(definition, mutableClock);

        // Act
        var before = msp.Validate(serialized);
        mutableClock.Now = new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var after = msp.Validate(serialized);

        // Assert
        Assert.True(earlier.Validate(serialized).IsValid);
        Assert.True(before.IsValid, before.Reason);
        Assert.Equal(IdentityValidationError.Expired, after.Error);
    }

    [Fact]
    public void Leaf_capped_at_the_ca_expiry_expires_with_it()
    {
        // Arrange
        using var shortCa = Orgs.NewCa(new CertificateAuthorityOptions
        {
            NotBefore = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Validity = TimeSpan.FromDays(366),
        });
        using var credential = shortCa.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client, new IssueOptions
        {
            NotBefore = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        var msp = new MembershipServiceProvider(new MspDefinition(Orgs.MspId, [shortCa.Certificate]), Clock);

        // Act
        var result = msp.Validate(credential.Certificate);

        // Assert: the leaf was capped at the CA's expiry, so the leaf is reported first.
        Assert.Equal(IdentityValidationError.Expired, result.Error);
        Assert.Equal("identity for \"HabanaMSP\": certificate expired on 2021-01-01T00:00:00Z", result.Reason);
    }

    [Fact]
    public void A_ca_that_is_not_yet_valid_is_named_in_the_reason()
    {
        // Arrange: a leaf valid now, under a CA whose validity starts later.
        using var lateCa = Orgs.NewCa(new CertificateAuthorityOptions { NotBefore = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        using var credential = lateCa.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client, new IssueOptions
        {
            NotBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        var msp = new MembershipServiceProvider(new MspDefinition(Orgs.MspId, [lateCa.Certificate]), Clock);

        // Act
        var result = msp.Validate(credential.Certificate);

        // Assert
        Assert.Equal(IdentityValidationError.NotYetValid, result.Error);
        Assert.Equal("identity for \"HabanaMSP\": CA certificate \"ca.habana.ceiba.local\" is not valid before 2027-01-01T00:00:00Z", result.Reason);
    }

    [Fact]
    public void Certificate_from_another_ca_is_rejected()
    {
        // Arrange
        using var stranger = Orgs.NewCa();
        using var credential = stranger.IssueIdentity($"peer0.{Orgs.Domain}", NodeOURole.Peer);

        // Act
        var result = _msp.Validate(SerializedIdentities.Serialize(Orgs.MspId, credential.Certificate));

        // Assert: same subject names, different key: not ours.
        Assert.Equal(IdentityValidationError.NotIssuedByMsp, result.Error);
        Assert.Equal("identity for \"HabanaMSP\": not issued by a CA of HabanaMSP", result.Reason);
    }

    [Fact]
    public void Unknown_msp_is_rejected_by_the_registry()
    {
        // Arrange
        var registry = new MspRegistry([_msp]);
        using var credential = _ca.IssueIdentity($"peer0.{Orgs.Domain}", NodeOURole.Peer);

        // Act
        var result = registry.Validate(SerializedIdentities.Serialize("FooMSP", credential.Certificate));

        // Assert
        Assert.Equal(IdentityValidationError.UnknownMsp, result.Error);
        Assert.Equal("unknown MSP \"FooMSP\"", result.Reason);
    }

    [Fact]
    public void Identity_without_node_ou_is_rejected()
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"User1@{Orgs.Domain}", role: null, new IssueOptions { ExtraOrganizationalUnits = ["department1"] });

        // Act
        var result = _msp.Validate(SerializedIdentities.Serialize(Orgs.MspId, credential.Certificate));

        // Assert
        Assert.Equal(IdentityValidationError.NoNodeOURole, result.Error);
        Assert.Equal("identity for \"HabanaMSP\": no NodeOU role (expected one of client, peer, admin, orderer)", result.Reason);
    }

    [Fact]
    public void Identity_with_two_node_ous_is_rejected()
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client, new IssueOptions { ExtraOrganizationalUnits = ["admin"] });

        // Act
        var result = _msp.Validate(credential.Certificate);

        // Assert
        Assert.Equal(IdentityValidationError.MultipleNodeOURoles, result.Error);
        Assert.Equal("identity for \"HabanaMSP\": more than one NodeOU role (client, admin)", result.Reason);
    }

    [Fact]
    public void Wrong_msp_id_is_rejected()
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"peer0.{Orgs.Domain}", NodeOURole.Peer);

        // Act
        var result = _msp.Validate(SerializedIdentities.Serialize("SantiagoMSP", credential.Certificate));

        // Assert
        Assert.Equal(IdentityValidationError.MspIdMismatch, result.Error);
        Assert.Equal("identity for \"SantiagoMSP\": cannot be validated by MSP \"HabanaMSP\"", result.Reason);
    }

    [Fact]
    public void Garbage_pem_is_rejected()
    {
        // Arrange
        var notPem = SerializedIdentities.Serialize(Orgs.MspId, "this is not a certificate"u8);
        var badBody = SerializedIdentities.Serialize(Orgs.MspId, "-----BEGIN CERTIFICATE-----\nAAECAwQ=\n-----END CERTIFICATE-----\n"u8);

        // Act
        var first = _msp.Validate(notPem);
        var second = _msp.Validate(badBody);

        // Assert
        Assert.Equal(IdentityValidationError.MalformedCertificate, first.Error);
        Assert.Equal("identity for \"HabanaMSP\": no PEM certificate found", first.Reason);
        Assert.Equal(IdentityValidationError.MalformedCertificate, second.Error);
        Assert.Equal("identity for \"HabanaMSP\": the PEM block is not an X.509 certificate", second.Reason);
    }

    [Fact]
    public void Bytes_that_are_not_a_serialized_identity_are_rejected()
    {
        // Arrange
        byte[] garbage = [0xFF, 0xFF, 0xFF, 0xFF];

        // Act
        var result = _msp.Validate(garbage);

        // Assert
        Assert.Equal(IdentityValidationError.MalformedIdentity, result.Error);
        Assert.Equal("not a serialized identity (msp.SerializedIdentity)", result.Reason);
    }

    [Fact]
    public void A_ca_certificate_cannot_be_an_identity()
    {
        // Arrange
        var serialized = SerializedIdentities.Serialize(Orgs.MspId, _ca.Certificate);

        // Act
        var result = _msp.Validate(serialized);

        // Assert
        Assert.Equal(IdentityValidationError.CaCertificate, result.Error);
        Assert.Equal("identity for \"HabanaMSP\": a CA certificate cannot be used as an identity", result.Reason);
    }

    [Fact]
    public void Identity_issued_by_an_intermediate_is_valid_when_the_msp_lists_it()
    {
        // Arrange
        using var intermediate = _ca.CreateIntermediate($"ica.{Orgs.Domain}");
        using var credential = intermediate.IssueIdentity($"peer1.{Orgs.Domain}", NodeOURole.Peer);
        var withIntermediate = new MembershipServiceProvider(
            new MspDefinition(Orgs.MspId, [_ca.Certificate]) { IntermediateCerts = [intermediate.Certificate], NodeOUs = NodeOUConfig.Standard(null) },
            Clock);
        var withoutIntermediate = new MembershipServiceProvider(
            new MspDefinition(Orgs.MspId, [_ca.Certificate]) { NodeOUs = NodeOUConfig.Standard(null) },
            Clock);

        // Act
        var accepted = withIntermediate.Validate(credential.Certificate);
        var rejected = withoutIntermediate.Validate(credential.Certificate);

        // Assert
        Assert.True(accepted.IsValid, accepted.Reason);
        Assert.Equal(NodeOURole.Peer, accepted.Identity.Role);
        Assert.Equal(IdentityValidationError.NotIssuedByMsp, rejected.Error);
    }

    [Fact]
    public void Node_ou_certified_by_another_ca_does_not_count()
    {
        // Arrange: the config says peer OUs must come from the root, but this peer was issued by an intermediate.
        using var intermediate = _ca.CreateIntermediate($"ica.{Orgs.Domain}");
        using var credential = intermediate.IssueIdentity($"peer1.{Orgs.Domain}", NodeOURole.Peer);
        var msp = new MembershipServiceProvider(
            new MspDefinition(Orgs.MspId, [_ca.Certificate]) { IntermediateCerts = [intermediate.Certificate], NodeOUs = NodeOUConfig.Standard(_ca.Certificate) },
            Clock);

        // Act
        var result = msp.Validate(credential.Certificate);

        // Assert
        Assert.Equal(IdentityValidationError.NoNodeOURole, result.Error);
    }

    [Fact]
    public void Without_node_ous_any_chained_identity_is_a_member_without_role()
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"User1@{Orgs.Domain}", role: null);
        var msp = new MembershipServiceProvider(new MspDefinition(Orgs.MspId, [_ca.Certificate]), Clock);

        // Act
        var result = msp.Validate(credential.Certificate);

        // Assert
        Assert.True(result.IsValid, result.Reason);
        Assert.Null(result.Identity.Role);
        Assert.True(result.Identity.Satisfies(MspPrincipal.Parse("HabanaMSP.member")));
        Assert.False(result.Identity.Satisfies(MspPrincipal.Parse("HabanaMSP.peer")));
    }

    [Fact]
    public void Msp_read_from_its_folder_validates_like_the_in_memory_one()
    {
        // Arrange
        using var directory = new TempDirectory();
        using var tlsCa = Orgs.NewTlsCa();
        var folder = directory.Combine("msp");
        MspFolder.WriteVerifying(folder, _ca.Certificate, tlsCa.Certificate);
        using var credential = _ca.IssueIdentity($"peer0.{Orgs.Domain}", NodeOURole.Peer);

        // Act
        var msp = MembershipServiceProvider.FromFolder(folder, Orgs.MspId, Clock);
        var result = msp.Validate(SerializedIdentities.Serialize(Orgs.MspId, credential.Certificate));

        // Assert
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(NodeOURole.Peer, result.Identity.Role);
        Assert.Equal(tlsCa.Certificate.RawData, Assert.Single(msp.Definition.TlsCaCerts).RawData);
    }

    [Fact]
    public void The_identity_verifies_signatures_of_its_key()
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client);
        var message = Encoding.UTF8.GetBytes("payload");
        var signature = credential.CreateSigner().SignMessage(message);

        // Act
        var identity = _msp.Validate(credential.Certificate).Identity!;

        // Assert
        Assert.Equal(SignatureStatus.Valid, identity.VerifyMessage(message, signature));
        Assert.Equal(SignatureStatus.HighS, identity.VerifyMessage(message, EcdsaSignature.ToHighS(signature)));
        Assert.Equal(SignatureStatus.Invalid, identity.VerifyMessage("other"u8, signature));
    }

    [Fact]
    public void The_identity_exposes_its_fabric_ca_attributes()
    {
        // Arrange
        using var credential = _ca.IssueIdentity($"doctor1@{Orgs.Domain}", NodeOURole.Client, new IssueOptions
        {
            Attributes = new Dictionary<string, string> { ["role"] = "doctor", ["province"] = "03" },
        });

        // Act
        var identity = _msp.Validate(credential.Certificate).Identity!;

        // Assert
        Assert.Equal("doctor", identity.Attributes["role"]);
        Assert.Equal("03", identity.Attributes["province"]);
    }

    [Fact]
    public async Task Concurrent_validation_and_verification_agree()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var credential = _ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client);
        var serialized = SerializedIdentities.Serialize(Orgs.MspId, credential.Certificate);
        var signer = credential.CreateSigner();
        var messages = Enumerable.Range(0, 64).Select(i => BitConverter.GetBytes(i)).ToArray();
        var signatures = messages.Select(m => signer.SignMessage(m)).ToArray();

        // Act: many threads share the cached identity and its public key.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => messages.Select((m, i) => _msp.Validate(serialized) is { IsValid: true } r && r.Identity.VerifyMessage(m, signatures[i]) == SignatureStatus.Valid).All(ok => ok),
            cancellationToken)));

        // Assert
        Assert.All(results, Assert.True);
        Assert.Same(_msp.Validate(serialized).Identity, _msp.Validate(serialized).Identity);
    }

    private sealed class MutableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
