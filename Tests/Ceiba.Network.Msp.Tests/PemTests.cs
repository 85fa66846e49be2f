using System.Security.Cryptography;

namespace Ceiba.Network.Msp.Tests;

public sealed class PemTests
{
    [Fact]
    public void Certificate_pem_has_go_layout_and_round_trips()
    {
        // Arrange
        using var ca = Support.Orgs.NewCa();

        // Act
        var pem = Pem.EncodeCertificate(ca.Certificate);
        using var loaded = Pem.LoadCertificate(pem);

        // Assert
        Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", pem, StringComparison.Ordinal);
        Assert.EndsWith("\n-----END CERTIFICATE-----\n", pem, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', pem);
        var lines = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..^1];
        Assert.All(lines[..^1], line => Assert.Equal(64, line.Length));
        Assert.Equal(ca.Certificate.RawData, loaded.RawData);
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(pem), Pem.EncodeCertificateUtf8(ca.Certificate));
    }

    [Fact]
    public void Private_key_pem_is_pkcs8_and_round_trips()
    {
        // Arrange
        using var key = P256Keys.Generate();

        // Act
        var pem = Pem.EncodePrivateKey(key);
        using var loaded = Pem.LoadPrivateKey(pem);

        // Assert
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        Assert.EndsWith("\n-----END PRIVATE KEY-----\n", pem, StringComparison.Ordinal);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), loaded.ExportSubjectPublicKeyInfo());
        var signature = EcdsaSignature.SignMessage(loaded, "x"u8);
        Assert.Equal(SignatureStatus.Valid, EcdsaSignature.VerifyMessage(key, "x"u8, signature));
    }

    [Fact]
    public void Loading_garbage_fails_with_a_cryptographic_exception()
    {
        // Arrange
        const string garbage = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

        // Act / Assert
        Assert.Throws<CryptographicException>(() => Pem.LoadCertificate("hello"));
        Assert.Throws<CryptographicException>(() => Pem.LoadCertificate(garbage));
        Assert.Throws<CryptographicException>(() => Pem.LoadPrivateKey("hello"));
    }

    [Fact]
    public void A_bundle_loads_every_certificate_in_order()
    {
        // Arrange
        using var first = Support.Orgs.NewCa();
        using var second = Support.Orgs.NewTlsCa();
        var bundle = Pem.EncodeCertificate(first.Certificate) + Pem.EncodeCertificate(second.Certificate);

        // Act
        var certificates = Pem.LoadCertificates(bundle);

        // Assert
        Assert.Equal([first.Certificate.Thumbprint, second.Certificate.Thumbprint], certificates.Select(c => c.Thumbprint));
    }

    [Fact]
    public void Credential_from_pem_refuses_a_key_that_does_not_match()
    {
        // Arrange
        using var ca = Support.Orgs.NewCa();
        using var other = P256Keys.Generate();

        // Act / Assert
        Assert.Throws<CryptographicException>(() => Credential.FromPem(ca.Credential.CertificatePem, Pem.EncodePrivateKey(other)));
    }
}
