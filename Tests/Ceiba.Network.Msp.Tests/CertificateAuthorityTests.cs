using System.Security.Cryptography.X509Certificates;
using System.Text;
using Ceiba.Network.Msp.Tests.Support;

namespace Ceiba.Network.Msp.Tests;

public sealed class CertificateAuthorityTests
{
    [Fact]
    public void Root_ca_is_self_signed_with_ca_constraints_key_usage_and_ski()
    {
        // Arrange / Act
        using var ca = Orgs.NewCa();

        // Assert
        var certificate = ca.Certificate;
        Assert.Equal("C=CU, ST=La Habana, L=La Habana, O=habana.ceiba.local, CN=ca.habana.ceiba.local", Names.InEncodingOrder(certificate.SubjectName));
        Assert.Equal(certificate.Subject, certificate.Issuer);
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.Critical);
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.True(usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
        Assert.True(usage.KeyUsages.HasFlag(X509KeyUsageFlags.CrlSign));
        var ski = certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single();
        Assert.Equal(P256Keys.SubjectKeyIdentifier(ca.Credential.PrivateKey), ski.SubjectKeyIdentifierBytes.ToArray());
        Assert.Equal("1.2.840.10045.4.3.2", certificate.SignatureAlgorithm.Value); // ecdsa-with-SHA256
        Assert.Equal("ca.habana.ceiba.local", ca.CommonName);
    }

    [Fact]
    public void Ca_validity_defaults_to_ten_years_and_is_configurable()
    {
        // Arrange
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new FixedClock(now);

        // Act
        using var byDefault = Orgs.NewCa(new CertificateAuthorityOptions { Clock = clock });
        using var custom = Orgs.NewCa(new CertificateAuthorityOptions { Clock = clock, Validity = TimeSpan.FromDays(30) });

        // Assert
        Assert.Equal(now.AddMinutes(-5).UtcDateTime, byDefault.Certificate.NotBefore.ToUniversalTime());
        Assert.Equal(now.AddMinutes(-5).AddDays(3650).UtcDateTime, byDefault.Certificate.NotAfter.ToUniversalTime());
        Assert.Equal(now.AddMinutes(-5).AddDays(30).UtcDateTime, custom.Certificate.NotAfter.ToUniversalTime());
    }

    [Theory]
    [InlineData(NodeOURole.Client, "client")]
    [InlineData(NodeOURole.Peer, "peer")]
    [InlineData(NodeOURole.Admin, "admin")]
    [InlineData(NodeOURole.Orderer, "orderer")]
    public void Identity_certificate_carries_the_node_ou_role(NodeOURole role, string ou)
    {
        // Arrange
        using var ca = Orgs.NewCa();

        // Act
        using var identity = ca.IssueIdentity($"node.{Orgs.Domain}", role);

        // Assert
        var certificate = identity.Certificate;
        Assert.Equal($"C=CU, ST=La Habana, L=La Habana, OU={ou}, CN=node.habana.ceiba.local", Names.InEncodingOrder(certificate.SubjectName));
        Assert.Equal(ca.Certificate.Subject, certificate.Issuer);
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Empty(certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>());
    }

    [Fact]
    public void Issued_certificates_carry_the_authority_key_identifier_of_the_ca()
    {
        // Arrange
        using var ca = Orgs.NewCa();
        var caSki = ca.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray();

        // Act
        using var identity = ca.IssueIdentity($"peer0.{Orgs.Domain}", NodeOURole.Peer);
        using var tls = ca.IssueTls($"peer0.{Orgs.Domain}");

        // Assert
        foreach (var certificate in new[] { identity.Certificate, tls.Certificate })
        {
            var aki = certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single();
            Assert.Equal(caSki, aki.KeyIdentifier!.Value.ToArray());
        }
    }

    [Fact]
    public void Tls_certificate_has_server_and_client_auth_and_the_sans()
    {
        // Arrange
        using var tlsCa = Orgs.NewTlsCa();

        // Act
        using var tls = tlsCa.IssueTls($"peer0.{Orgs.Domain}", ["peer0", "10.0.0.7"]);

        // Assert
        var certificate = tls.Certificate;
        var eku = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], eku.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value));
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost", "peer0.habana.ceiba.local", "peer0"], san.EnumerateDnsNames());
        Assert.Equal(["127.0.0.1", "10.0.0.7"], san.EnumerateIPAddresses().Select(a => a.ToString()));
        Assert.Equal("C=CU, ST=La Habana, L=La Habana, CN=peer0.habana.ceiba.local", Names.InEncodingOrder(certificate.SubjectName));
        Assert.True(certificate.MatchesHostname("peer0.habana.ceiba.local"));
        Assert.True(certificate.MatchesHostname("localhost"));
    }

    [Fact]
    public void Attributes_are_a_non_critical_extension_holding_the_raw_json()
    {
        // Arrange
        using var ca = Orgs.NewCa();
        var attributes = new Dictionary<string, string>
        {
            ["role"] = "doctor",
            ["hospital"] = "Hospital Hermanos Ameijeiras",
            ["province"] = "03",
        };

        // Act
        using var doctor = ca.IssueIdentity($"doctor1@{Orgs.Domain}", NodeOURole.Client, new IssueOptions { Attributes = attributes });

        // Assert
        var extension = doctor.Certificate.Extensions[FabricAttributes.Oid];
        Assert.NotNull(extension);
        Assert.False(extension.Critical);
        Assert.Equal(
            """{"attrs":{"hospital":"Hospital Hermanos Ameijeiras","province":"03","role":"doctor"}}""",
            Encoding.UTF8.GetString(extension.RawData));
        Assert.Equal(attributes, FabricAttributes.FromCertificate(doctor.Certificate));
    }

    [Fact]
    public void Issued_validity_is_capped_at_the_ca_expiry()
    {
        // Arrange
        using var ca = Orgs.NewCa(new CertificateAuthorityOptions { Validity = TimeSpan.FromDays(10) });

        // Act
        using var identity = ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client);

        // Assert
        Assert.Equal(ca.Certificate.NotAfter, identity.Certificate.NotAfter);
    }

    [Fact]
    public void Certificate_signatures_are_low_s()
    {
        // Arrange
        using var ca = Orgs.NewCa();

        for (var i = 0; i < 20; i++)
        {
            // Act
            using var identity = ca.IssueIdentity($"User{i}@{Orgs.Domain}", NodeOURole.Client);

            // Assert: Fabric would rewrite a high-S certificate signature, changing the identity bytes.
            Assert.True(EcdsaSignature.IsLowS(CertificateSignature(identity.Certificate)));
        }
    }

    [Fact]
    public void Intermediate_ca_is_signed_by_the_root()
    {
        // Arrange
        using var root = Orgs.NewCa();

        // Act
        using var intermediate = root.CreateIntermediate($"ica.{Orgs.Domain}");

        // Assert
        Assert.Equal(root.Certificate.Subject, intermediate.Certificate.Issuer);
        Assert.Equal("C=CU, ST=La Habana, L=La Habana, O=habana.ceiba.local, CN=ica.habana.ceiba.local", Names.InEncodingOrder(intermediate.Certificate.SubjectName));
        Assert.True(intermediate.Certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.NotNull(intermediate.Certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().SingleOrDefault());
    }

    [Fact]
    public void A_ca_loaded_from_its_credential_keeps_issuing_in_its_location()
    {
        // Arrange
        using var original = Orgs.NewCa(new CertificateAuthorityOptions { Location = new SubjectLocation("CU", "Santiago de Cuba", "Santiago de Cuba") });
        using var credential = Credential.FromPem(original.Credential.CertificatePem, original.Credential.PrivateKeyPem);
        using var loaded = CertificateAuthority.FromCredential(credential);

        // Act
        using var identity = loaded.IssueIdentity($"peer0.{Orgs.Domain}", NodeOURole.Peer);

        // Assert
        Assert.Equal(new SubjectLocation("CU", "Santiago de Cuba", "Santiago de Cuba"), loaded.Location);
        Assert.Contains("L=Santiago de Cuba", identity.Certificate.Subject, StringComparison.Ordinal);
        Assert.Equal(original.Certificate.Subject, identity.Certificate.Issuer);
    }

    private static byte[] CertificateSignature(X509Certificate2 certificate)
    {
        var reader = new System.Formats.Asn1.AsnReader(certificate.RawData, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        reader.ReadEncodedValue(); // tbsCertificate
        reader.ReadEncodedValue(); // signatureAlgorithm
        return reader.ReadBitString(out _);
    }
}
