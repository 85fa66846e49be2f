using Ceiba.Network.Msp.Internal;
using Ceiba.Network.Protos.Msp;
using Google.Protobuf;

namespace Ceiba.Network.Msp.Tests;

public sealed class SerializedIdentityReaderTests
{
    [Fact]
    public void Reads_what_google_protobuf_writes()
    {
        // Arrange
        var bytes = new SerializedIdentity { Mspid = "HabanaMSP", IdBytes = ByteString.CopyFrom(new byte[300]) }.ToByteArray();

        // Act
        var ok = SerializedIdentityReader.TryRead(bytes, out var mspId, out var idBytes);

        // Assert
        Assert.True(ok);
        Assert.Equal("HabanaMSP"u8.ToArray(), mspId.ToArray());
        Assert.Equal(300, idBytes.Length);
    }

    [Fact]
    public void Skips_unknown_fields_and_keeps_the_last_occurrence_like_protobuf()
    {
        // Arrange: field 2, unknown varint field 7, unknown fixed32 field 8, field 1 twice.
        byte[] bytes = [0x12, 0x01, 0xAA, 0x38, 0x96, 0x01, 0x45, 1, 2, 3, 4, 0x0A, 0x01, (byte)'A', 0x0A, 0x01, (byte)'B'];
        var reference = SerializedIdentity.Parser.ParseFrom(bytes);

        // Act
        var ok = SerializedIdentityReader.TryRead(bytes, out var mspId, out var idBytes);

        // Assert
        Assert.True(ok);
        Assert.Equal(reference.Mspid, System.Text.Encoding.UTF8.GetString(mspId));
        Assert.Equal(reference.IdBytes.ToByteArray(), idBytes.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x05, (byte)'a' })]             // length past the end
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF })]           // unterminated varint
    [InlineData(new byte[] { 0x0B })]                             // group wire type
    [InlineData(new byte[] { 0x00, 0x01 })]                       // field number 0
    [InlineData(new byte[] { 0x39, 1, 2, 3 })]                    // truncated fixed64
    public void Rejects_what_protobuf_rejects(byte[] bytes)
    {
        // Arrange / Act
        var ok = SerializedIdentityReader.TryRead(bytes, out _, out _);

        // Assert
        Assert.False(ok);
        Assert.Throws<InvalidProtocolBufferException>(() => SerializedIdentity.Parser.ParseFrom(bytes));
    }
}
