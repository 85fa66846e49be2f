using System.Text;
using System.Text.Json;

namespace Ceiba.Network.Msp.Tests;

public sealed class FabricAttributesTests
{
    [Fact]
    public void Encode_writes_fabric_ca_json_with_sorted_names()
    {
        // Arrange
        var attributes = new Dictionary<string, string> { ["role"] = "doctor", ["hospital"] = "Calixto García", ["province"] = "03" };

        // Act
        var json = Encoding.UTF8.GetString(FabricAttributes.Encode(attributes));

        // Assert: like Go's json.Marshal(map): sorted keys, non-ASCII kept as UTF-8.
        Assert.Equal("""{"attrs":{"hospital":"Calixto García","province":"03","role":"doctor"}}""", json);
    }

    [Fact]
    public void Decode_reads_what_fabric_ca_writes()
    {
        // Arrange: as Fabric CA issues them, with its hf.* attributes.
        var value = """{"attrs":{"hf.Affiliation":"","hf.EnrollmentID":"doctor1","hf.Type":"client","role":"doctor"}}"""u8.ToArray();

        // Act
        var attributes = FabricAttributes.Decode(value);

        // Assert
        Assert.Equal("doctor1", attributes["hf.EnrollmentID"]);
        Assert.Equal("doctor", attributes["role"]);
        Assert.Equal(string.Empty, attributes["hf.Affiliation"]);
        Assert.Equal(4, attributes.Count);
    }

    [Fact]
    public void Decode_of_no_attrs_member_is_empty_and_of_bad_json_throws()
    {
        // Arrange / Act / Assert
        Assert.Empty(FabricAttributes.Decode("{}"u8));
        Assert.ThrowsAny<JsonException>(() => FabricAttributes.Decode("not json"u8));
        Assert.ThrowsAny<JsonException>(() => FabricAttributes.Decode("""{"attrs":[1]}"""u8));
    }

    [Fact]
    public void A_certificate_without_the_extension_has_no_attributes()
    {
        // Arrange
        using var ca = Support.Orgs.NewCa();
        using var identity = ca.IssueIdentity("User1@habana.ceiba.local", NodeOURole.Client);

        // Act
        var attributes = FabricAttributes.FromCertificate(identity.Certificate);

        // Assert
        Assert.Empty(attributes);
    }
}
