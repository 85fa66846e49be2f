using Ceiba.Network.Msp.Tests.Support;

namespace Ceiba.Network.Msp.Tests;

/// <summary>openssl as an independent judge of our certificates, keys and signatures.</summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Openssl_verify_accepts_identity_and_tls_certificates()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var ca = Orgs.NewCa();
        using var tlsCa = Orgs.NewTlsCa();
        using var peer = ca.IssueIdentity($"peer0.{Orgs.Domain}", NodeOURole.Peer);
        using var admin = ca.IssueIdentity($"Admin@{Orgs.Domain}", NodeOURole.Admin, new IssueOptions { Attributes = new Dictionary<string, string> { ["role"] = "admin" } });
        using var tls = tlsCa.IssueTls($"peer0.{Orgs.Domain}");
        var caFile = Write("ca.pem", ca.Credential.CertificatePem);
        var tlsCaFile = Write("tlsca.pem", tlsCa.Credential.CertificatePem);

        // Act
        var peerResult = await OpenSsl.RunAsync(cancellationToken, "verify", "-CAfile", caFile, Write("peer.pem", peer.CertificatePem));
        var adminResult = await OpenSsl.RunAsync(cancellationToken, "verify", "-CAfile", caFile, Write("admin.pem", admin.CertificatePem));
        var tlsResult = await OpenSsl.RunAsync(cancellationToken, "verify", "-CAfile", tlsCaFile, "-purpose", "sslserver", "-verify_hostname", $"peer0.{Orgs.Domain}", Write("tls.pem", tls.CertificatePem));
        var tlsClientResult = await OpenSsl.RunAsync(cancellationToken, "verify", "-CAfile", tlsCaFile, "-purpose", "sslclient", Write("tls.pem", tls.CertificatePem));

        // Assert
        Assert.True(peerResult.ExitCode == 0, peerResult.ToString());
        Assert.True(adminResult.ExitCode == 0, adminResult.ToString());
        Assert.True(tlsResult.ExitCode == 0, tlsResult.ToString());
        Assert.True(tlsClientResult.ExitCode == 0, tlsClientResult.ToString());
    }

    [Fact]
    public async Task Openssl_verify_accepts_a_chain_through_an_intermediate_and_rejects_another_ca()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var root = Orgs.NewCa();
        using var intermediate = root.CreateIntermediate($"ica.{Orgs.Domain}");
        using var stranger = CertificateAuthority.CreateRoot("ca.santiago.ceiba.local", "santiago.ceiba.local");
        using var user = intermediate.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client);
        var userFile = Write("user.pem", user.CertificatePem);

        // Act
        var chained = await OpenSsl.RunAsync(cancellationToken, "verify", "-CAfile", Write("root.pem", root.Credential.CertificatePem), "-untrusted", Write("ica.pem", intermediate.Credential.CertificatePem), userFile);
        var wrongCa = await OpenSsl.RunAsync(cancellationToken, "verify", "-CAfile", Write("stranger.pem", stranger.Credential.CertificatePem), userFile);

        // Assert
        Assert.True(chained.ExitCode == 0, chained.ToString());
        Assert.NotEqual(0, wrongCa.ExitCode);
    }

    [Fact]
    public async Task Openssl_shows_the_ca_extensions_and_the_attribute_json()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var ca = Orgs.NewCa();
        using var doctor = ca.IssueIdentity($"doctor1@{Orgs.Domain}", NodeOURole.Client, new IssueOptions
        {
            Attributes = new Dictionary<string, string> { ["role"] = "doctor", ["province"] = "03" },
        });

        // Act
        var caText = await OpenSsl.RunAsync(cancellationToken, "x509", "-noout", "-text", "-in", Write("ca.pem", ca.Credential.CertificatePem));
        var doctorText = await OpenSsl.RunAsync(cancellationToken, "x509", "-noout", "-text", "-in", Write("doctor.pem", doctor.CertificatePem));

        // Assert
        Assert.Contains("CA:TRUE", caText.Output, StringComparison.Ordinal);
        Assert.Contains("Certificate Sign, CRL Sign", caText.Output, StringComparison.Ordinal);
        Assert.Contains("Subject: C = CU, ST = La Habana, L = La Habana, O = habana.ceiba.local, CN = ca.habana.ceiba.local", caText.Output, StringComparison.Ordinal);
        Assert.Contains("1.2.3.4.5.6.7.8.1:", doctorText.Output, StringComparison.Ordinal);
        Assert.Contains("""{"attrs":{"province":"03","role":"doctor"}}""", doctorText.Output, StringComparison.Ordinal);
        Assert.Contains("CA:FALSE", doctorText.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Openssl_verifies_our_signature_and_reads_our_private_key()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var key = P256Keys.Generate();
        var message = "Envelope payload: Drug_Exposure for person 42"u8.ToArray();
        var signature = Signers.NewPrivateKeySigner(key).SignMessage(message);
        var messageFile = Write("msg.bin", message);
        var signatureFile = Write("sig.der", signature);
        var publicKeyFile = Write("pub.pem", key.ExportSubjectPublicKeyInfoPem());
        var privateKeyFile = Write("priv_sk", Pem.EncodePrivateKey(key));

        // Act
        var verify = await OpenSsl.RunAsync(cancellationToken, "dgst", "-sha256", "-verify", publicKeyFile, "-signature", signatureFile, messageFile);
        var derivedPublic = await OpenSsl.RunAsync(cancellationToken, "pkey", "-in", privateKeyFile, "-pubout");
        var tampered = await OpenSsl.RunAsync(cancellationToken, "dgst", "-sha256", "-verify", publicKeyFile, "-signature", signatureFile, Write("other.bin", "another payload"u8.ToArray()));

        // Assert
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("Verified OK", verify.Output, StringComparison.Ordinal);
        Assert.Equal(key.ExportSubjectPublicKeyInfoPem().Trim(), derivedPublic.Output.Trim());
        Assert.NotEqual(0, tampered.ExitCode);
    }

    [Fact]
    public async Task An_openssl_signature_normalized_to_low_s_verifies_with_our_api()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var key = P256Keys.Generate();
        var message = "proposal"u8.ToArray();
        var privateKeyFile = Write("priv_sk", Pem.EncodePrivateKey(key));
        var signatureFile = _directory.Combine("openssl.der");

        // Act
        var sign = await OpenSsl.RunAsync(cancellationToken, "dgst", "-sha256", "-sign", privateKeyFile, "-out", signatureFile, Write("msg.bin", message));
        var signature = await File.ReadAllBytesAsync(signatureFile, cancellationToken);
        var status = EcdsaSignature.VerifyMessage(key, message, EcdsaSignature.NormalizeLowS(signature));

        // Assert
        Assert.True(sign.ExitCode == 0, sign.ToString());
        Assert.Equal(SignatureStatus.Valid, status);
    }

    private string Write(string name, string text)
    {
        var path = _directory.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = _directory.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
