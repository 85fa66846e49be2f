using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Ledger.Internal;

/// <summary>
/// Parses a serialized <c>common.Block</c> without copying its transactions: the header and metadata (a few hundred
/// bytes) are parsed as usual, and each <c>data</c> entry becomes a <see cref="ByteString"/> over its slice of the
/// buffer. A block of 500 envelopes is then ~1 MiB less garbage per read, which is what a Deliver stream that only
/// re-serializes the block needs. The block is valid only while the buffer is.
/// </summary>
/// <remarks>
/// Google.Protobuf always copies <c>bytes</c> fields when it parses, so the wire format is walked here: fields are
/// varint-tagged, and the three fields of Block and the one of BlockData are all length-delimited.
/// </remarks>
internal static class AliasedBlockReader
{
    private const int LengthDelimited = 2;

    public static Block Read(ReadOnlyMemory<byte> serialized)
    {
        var block = new Block();
        var reader = new WireReader(serialized);
        while (reader.TryReadField(out var field, out var wireType, out var value))
        {
            switch (field)
            {
                case Block.HeaderFieldNumber when wireType == LengthDelimited:
                    block.Header = BlockHeader.Parser.ParseFrom(value.Span);
                    break;
                case Block.DataFieldNumber when wireType == LengthDelimited:
                    block.Data = ReadData(value);
                    break;
                case Block.MetadataFieldNumber when wireType == LengthDelimited:
                    block.Metadata = BlockMetadata.Parser.ParseFrom(value.Span);
                    break;
            }
        }

        return block;
    }

    private static BlockData ReadData(ReadOnlyMemory<byte> serialized)
    {
        var data = new BlockData();
        var reader = new WireReader(serialized);
        while (reader.TryReadField(out var field, out var wireType, out var value))
        {
            if (field == BlockData.DataFieldNumber && wireType == LengthDelimited)
            {
                data.Data.Add(UnsafeByteOperations.UnsafeWrap(value));
            }
        }

        return data;
    }

    /// <summary>Reads the top-level fields of one message; a length-delimited field's value is its slice, other fields' values are empty.</summary>
    private struct WireReader(ReadOnlyMemory<byte> message)
    {
        private int _position;

        public bool TryReadField(out int field, out int wireType, out ReadOnlyMemory<byte> value)
        {
            value = ReadOnlyMemory<byte>.Empty;
            if (_position >= message.Length)
            {
                field = wireType = 0;
                return false;
            }

            var tag = ReadVarint();
            field = checked((int)(tag >> 3));
            wireType = (int)(tag & 7);
            switch (wireType)
            {
                case 0:
                    ReadVarint();
                    break;
                case 1:
                    Skip(8);
                    break;
                case LengthDelimited:
                    var length = checked((int)ReadVarint());
                    value = message.Slice(_position, Skip(length));
                    break;
                case 5:
                    Skip(4);
                    break;
                default:
                    throw new InvalidDataException($"the block has a field {field} of unsupported wire type {wireType} at byte {_position}");
            }

            return true;
        }

        private ulong ReadVarint()
        {
            var span = message.Span;
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_position >= span.Length)
                {
                    throw new InvalidDataException("the block ends inside a varint");
                }

                var b = span[_position++];
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return result;
                }
            }

            throw new InvalidDataException("the block has a varint longer than 10 bytes");
        }

        /// <summary>Skips <paramref name="count"/> bytes; returns <paramref name="count"/>.</summary>
        private int Skip(int count)
        {
            if (count < 0 || count > message.Length - _position)
            {
                throw new InvalidDataException($"the block has a field of {count} bytes at byte {_position}, past its end ({message.Length} bytes)");
            }

            _position += count;
            return count;
        }
    }
}
