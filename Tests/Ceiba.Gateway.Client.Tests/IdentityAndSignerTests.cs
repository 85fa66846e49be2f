using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Msp;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>Identities and signers loaded from PEM files and MSP folders, as generated crypto material provides them.</summary>
public sealed class IdentityAndSignerTests
{
    [Fact]
    public async Task Identity_and_signer_from_PEM_files_submit_a_transaction()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        using var temp = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(temp.File("cert.pem"), fixture.Identities.ClientCredential.CertificatePem, ct);
        await File.WriteAllTextAsync(temp.File("priv_sk"), fixture.Identities.ClientCredential.PrivateKeyPem, ct);

        // Act
        var identity = Identity.FromCertificateFile(ClientIdentities.MspId, temp.File("cert.pem"));
        var signer = GatewaySigners.FromPrivateKeyFile(temp.File("priv_sk"));
        var gateway = Gateway.Connect(identity, signer, fixture.Server.Channel);
        var result = await gateway.GetNetwork(GatewayFixture.Channel).GetContract(GatewayFixture.Chaincode)
            .SubmitTransactionAsync("CreatePerson", ProposalOptions.FromArguments("p-7"), ct);

        // Assert
        Assert.Equal("CreatePerson(p-7)", SignatureChecks.Utf8(result));
        Assert.Equal(ClientIdentities.MspId, identity.MspId);
        Assert.Equal(fixture.Identities.Client.CertificatePem.ToArray(), identity.Credentials.ToArray());
    }

    [Fact]
    public async Task Identity_and_signer_from_an_MSP_folder_submit_a_transaction()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        using var temp = new TempDirectory();
        MspFolder.WriteLocal(temp.Path, fixture.Identities.Ca.Certificate, fixture.Identities.Ca.Certificate, fixture.Identities.ClientCredential);

        // Act
        var identity = Identity.FromMspFolder(temp.Path, ClientIdentities.MspId);
        var gateway = Gateway.Connect(identity, GatewaySigners.FromMspFolder(temp.Path), fixture.Server.Channel);
        var result = await gateway.GetNetwork(GatewayFixture.Channel).GetContract(GatewayFixture.Chaincode)
            .SubmitTransactionAsync("CreatePerson", ProposalOptions.FromArguments("p-8"), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("CreatePerson(p-8)", SignatureChecks.Utf8(result));
        Assert.Equal(fixture.Identities.Client.Serialized.ToArray(), SerializedIdentities.Serialize(identity.MspId, identity.Credentials.Span));
    }

    [Fact]
    public void An_MSP_folder_without_a_signing_credential_is_InvalidDataException()
    {
        // Arrange
        using var identities = new ClientIdentities();
        using var temp = new TempDirectory();
        MspFolder.WriteVerifying(temp.Path, identities.Ca.Certificate, identities.Ca.Certificate);

        // Act
        var error = Assert.Throws<InvalidDataException>(() => GatewaySigners.FromMspFolder(temp.Path));

        // Assert
        Assert.Contains("no signcerts/ and keystore/", error.Message);
    }

    [Fact]
    public void An_identity_needs_an_MSP_ID_and_credentials()
    {
        // Arrange
        byte[] certificate = [0x2d];

        // Act
        var noMsp = Assert.Throws<ArgumentException>(() => new Identity("", certificate));
        var noCertificate = Assert.Throws<ArgumentException>(() => new Identity("HabanaMSP", ReadOnlyMemory<byte>.Empty));

        // Assert
        Assert.Equal("mspId", noMsp.ParamName);
        Assert.Equal("credentials", noCertificate.ParamName);
    }
}
