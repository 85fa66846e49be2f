namespace Ceiba.Network.Msp.Internal;

/// <summary>
/// Reads the two fields of a <c>msp.SerializedIdentity</c> (1: mspid, 2: id_bytes) as slices of the
/// input, without allocating: the creator of every transaction goes through here. Follows protobuf
/// decoding rules: the last occurrence of a field wins and unknown fields are skipped.
/// </summary>
internal static class SerializedIdentityReader
{
    private const int VarintType = 0, Fixed64Type = 1, LengthDelimitedType = 2, Fixed32Type = 5;

    public static bool TryRead(ReadOnlySpan<byte> message, out ReadOnlySpan<byte> mspIdUtf8, out ReadOnlySpan<byte> idBytes)
    {
        mspIdUtf8 = default;
        idBytes = default;
        var position = 0;
        while (position < message.Length)
        {
            if (!TryReadVarint(message, ref position, out var tag) || tag >> 3 == 0)
            {
                return false;
            }

            var field = tag >> 3;
            switch ((int)(tag & 7))
            {
                case VarintType:
                    if (!TryReadVarint(message, ref position, out _))
                    {
                        return false;
                    }

                    break;
                case Fixed64Type:
                    position += 8;
                    break;
                case Fixed32Type:
                    position += 4;
                    break;
                case LengthDelimitedType:
                    if (!TryReadVarint(message, ref position, out var length) || length > (ulong)(message.Length - position))
                    {
                        return false;
                    }

                    var value = message.Slice(position, (int)length);
                    position += (int)length;
                    if (field == 1)
                    {
                        mspIdUtf8 = value;
                    }
                    else if (field == 2)
                    {
                        idBytes = value;
                    }

                    break;
                default:
                    return false; // groups and invalid wire types
            }

            if (position > message.Length)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> message, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && position < message.Length; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
