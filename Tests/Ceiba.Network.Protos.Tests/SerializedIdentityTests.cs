using Ceiba.Network.Protos.Msp;
using Google.Protobuf;

namespace Ceiba.Network.Protos.Tests;

public class SerializedIdentityTests
{
    [Fact]
    public void Round_trips_through_bytes_with_fabric_field_numbers()
    {
        // Arrange
        var identity = new SerializedIdentity { Mspid = "HabanaMSP", IdBytes = ByteString.CopyFromUtf8("-----BEGIN CERTIFICATE-----") };

        // Act
        var bytes = identity.ToByteArray();
        var decoded = SerializedIdentity.Parser.ParseFrom(bytes);

        // Assert: field 1 is the length-delimited MSP id (tag 0x0A), field 2 the cert bytes (tag 0x12).
        Assert.Equal(0x0A, bytes[0]);
        Assert.Equal(0x12, bytes[2 + "HabanaMSP".Length]);
        Assert.Equal(identity, decoded);
    }
}
