using System.Security.Cryptography;
using Ceiba.Network.Msp.Tests.Support;
using Ceiba.Network.Protos.Msp;

namespace Ceiba.Network.Msp.Tests;

public sealed class SigningIdentityTests
{
    [Fact]
    public void Serialized_identity_holds_the_msp_id_and_the_pem_certificate()
    {
        // Arrange
        using var ca = Orgs.NewCa();
        using var credential = ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client);

        // Act
        var bytes = SerializedIdentities.Serialize(Orgs.MspId, credential.Certificate);
        var parsed = SerializedIdentity.Parser.ParseFrom(bytes);

        // Assert
        Assert.Equal(Orgs.MspId, parsed.Mspid);
        Assert.Equal(credential.CertificatePem, parsed.IdBytes.ToStringUtf8());
        Assert.True(SerializedIdentities.TryDeserialize(bytes, out var mspId, out var pem));
        Assert.Equal(Orgs.MspId, mspId);
        Assert.Equal(parsed.IdBytes.ToByteArray(), pem.ToArray());
    }

    [Fact]
    public void Nonce_is_24_random_bytes()
    {
        // Arrange / Act
        var first = TransactionIds.NewNonce();
        var second = TransactionIds.NewNonce();

        // Assert
        Assert.Equal(24, first.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Transaction_id_is_lowercase_hex_sha256_of_nonce_and_creator()
    {
        // Arrange
        byte[] nonce = [.. Enumerable.Range(0, 24).Select(i => (byte)i)];
        var creator = "creator bytes"u8.ToArray();

        // Act
        var txId = TransactionIds.Compute(nonce, creator);

        // Assert
        Assert.Equal(Convert.ToHexString(SHA256.HashData([.. nonce, .. creator])).ToLowerInvariant(), txId);
        Assert.Equal(64, txId.Length);
        Assert.Matches("^[0-9a-f]{64}$", txId);
    }

    [Fact]
    public void Signing_identity_from_a_local_msp_folder_signs_what_the_org_msp_accepts()
    {
        // Arrange
        using var directory = new TempDirectory();
        using var ca = Orgs.NewCa();
        using var tlsCa = Orgs.NewTlsCa();
        using var user = ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client);
        MspFolder.WriteLocal(directory.Combine("users", "msp"), ca.Certificate, tlsCa.Certificate, user);
        MspFolder.WriteVerifying(directory.Combine("msp"), ca.Certificate, tlsCa.Certificate);
        var orgMsp = MembershipServiceProvider.FromFolder(directory.Combine("msp"), Orgs.MspId);
        var message = "proposal"u8.ToArray();

        // Act
        using var identity = SigningIdentity.FromMspFolder(directory.Combine("users", "msp"), Orgs.MspId);
        var signature = identity.SignMessage(message);
        var validated = orgMsp.Validate(identity.Serialized.Span);

        // Assert
        Assert.True(validated.IsValid, validated.Reason);
        Assert.Equal(NodeOURole.Client, validated.Identity.Role);
        Assert.Equal(SignatureStatus.Valid, validated.Identity.VerifyMessage(message, signature));
        Assert.Equal(user.CertificatePem, System.Text.Encoding.UTF8.GetString(identity.CertificatePem.Span));
    }

    [Fact]
    public void Signing_identity_computes_its_transaction_ids_over_its_serialized_bytes()
    {
        // Arrange
        using var ca = Orgs.NewCa();
        using var user = ca.IssueIdentity($"User1@{Orgs.Domain}", NodeOURole.Client);
        var identity = SigningIdentity.FromCredential(Orgs.MspId, user);
        var nonce = TransactionIds.NewNonce();

        // Act
        var txId = identity.ComputeTransactionId(nonce);

        // Assert
        Assert.Equal(TransactionIds.Compute(nonce, SerializedIdentities.Serialize(Orgs.MspId, user.Certificate)), txId);
        Assert.True(EcdsaSignature.IsLowS(identity.Sign(SHA256.HashData("x"u8))));
    }
}
