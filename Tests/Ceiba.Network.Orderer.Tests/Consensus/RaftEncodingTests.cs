using System.Buffers;
using Ceiba.Network.Orderer.Consensus;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Tests.Consensus;

public sealed class RaftEncodingTests
{
    [Fact]
    public void A_snapshot_round_trips_each_channels_height_and_tip_hash()
    {
        // Arrange
        var snapshot = new ChainSnapshot([new("ehr-habana", 42, [1, 2, 3]), new("canal-ñ", 7, new byte[32])]);

        // Act
        var decoded = ChainSnapshot.Decode(snapshot.Encode());

        // Assert
        Assert.Equal(snapshot.Channels.Select(c => (c.Channel, c.Height)), decoded.Channels.Select(c => (c.Channel, c.Height)));
        Assert.Equal(snapshot.Channels.Select(c => c.Hash), decoded.Channels.Select(c => c.Hash));
    }

    [Fact]
    public void A_truncated_or_padded_snapshot_is_refused()
    {
        // Arrange
        var bytes = new ChainSnapshot([new("ehr", 3, [9, 9])]).Encode();

        // Act
        var truncated = Assert.Throws<InvalidDataException>(() => ChainSnapshot.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        var padded = Assert.Throws<InvalidDataException>(() => ChainSnapshot.Decode([.. bytes, 0]));

        // Assert
        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("1 bytes after", padded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_decodes_from_a_segmented_payload_to_the_same_blocks()
    {
        // Arrange
        var first = BlockHashing.NewBlock(5, ByteString.CopyFrom(new byte[32]), [ByteString.CopyFromUtf8("a"), ByteString.CopyFromUtf8("bb")]);
        var second = BlockHashing.NewBlock(6, ByteString.CopyFrom(BlockHashing.HeaderHash(first.Header)), [ByteString.CopyFromUtf8("ccc")]);
        var encoded = RaftEntry.Encode("ehr", [first, second], out var rented).ToArray();
        ArrayPool<byte>.Shared.Return(rented);
        var middle = encoded.Length / 2;

        // Act: the WAL may hand the payload over in pieces.
        var (channel, blocks) = RaftEntry.Decode(Segments.Of(encoded[..middle], encoded[middle..]));

        // Assert
        Assert.Equal("ehr", channel);
        Assert.Equal([first, second], blocks);
    }

    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Of(byte[] head, byte[] tail)
        {
            var first = new Segments(head, 0);
            var second = new Segments(tail, head.Length);
            first.Next = second;
            return new ReadOnlySequence<byte>(first, 0, second, tail.Length);
        }
    }
}
