using Ceiba.Testing.Chaincode;
using Google.Protobuf;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class ClientIdentityTests
{
    [Fact]
    public void Id_uses_fabrics_go_distinguished_name_format()
    {
        // Arrange
        using var identity = TestIdentity.Create("HolguinMSP", "doctor7");

        // Act
        var client = new ClientIdentity(identity.Serialized);

        // Assert: self-signed, so the issuer equals the subject.
        const string Dn = "CN=doctor7,OU=client,O=HolguinMSP,C=CU";
        Assert.Equal($"x509::{Dn}::{Dn}", client.Id);
        Assert.Equal("HolguinMSP", client.MspId);
        Assert.Equal(identity.Certificate.Thumbprint, client.Certificate.Thumbprint);
    }

    [Fact]
    public void Id_escapes_special_characters_as_rfc4514_does()
    {
        // Arrange
        using var identity = TestIdentity.Create("HabanaMSP", "Garcia, Calixto+1");

        // Act
        var client = new ClientIdentity(identity.Serialized);

        // Assert
        Assert.StartsWith(@"x509::CN=Garcia\, Calixto\+1,OU=client,O=HabanaMSP,C=CU::", client.Id);
    }

    [Fact]
    public void Attributes_come_from_the_fabric_ca_extension()
    {
        // Arrange
        using var identity = TestIdentity.Create(attributes: new Dictionary<string, string>
        {
            ["role"] = "admin",
            ["hospital"] = "Calixto Garcia",
            ["hf.EnrollmentID"] = "admin1",
        });

        // Act
        var client = new ClientIdentity(identity.Serialized);

        // Assert
        Assert.Equal("Calixto Garcia", client.GetAttributeValue("hospital"));
        Assert.True(client.AssertAttributeValue("role", "admin"));
        Assert.False(client.AssertAttributeValue("role", "doctor"));
        Assert.False(client.AssertAttributeValue("province", "Havana"));
        Assert.Null(client.GetAttributeValue("province"));
        Assert.Equal(3, client.Attributes.Count);
    }

    [Fact]
    public void A_certificate_without_the_extension_has_no_attributes()
    {
        // Arrange
        using var identity = TestIdentity.Create();

        // Act
        var client = new ClientIdentity(identity.Serialized);

        // Assert
        Assert.Empty(client.Attributes);
    }

    [Fact]
    public void A_creator_without_a_certificate_is_refused()
    {
        // Arrange
        var creator = new Network.Protos.Msp.SerializedIdentity { Mspid = "HabanaMSP", IdBytes = ByteString.CopyFromUtf8("not a pem") };

        // Act
        var error = Assert.Throws<ArgumentException>(() => new ClientIdentity(creator));

        // Assert
        Assert.Contains("does not hold a PEM certificate", error.Message);
    }
}
