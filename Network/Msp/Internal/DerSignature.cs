namespace Ceiba.Network.Msp.Internal;

/// <summary>
/// Strict DER for a P-256 ECDSA signature, <c>SEQUENCE { r INTEGER, s INTEGER }</c>, over spans.
/// Every length fits the short form (at most 72 bytes in all), so any long-form length is rejected
/// as non-minimal, as are negative or zero-padded integers, truncation and trailing bytes.
/// </summary>
internal static class DerSignature
{
    /// <summary>The largest DER signature for P-256: 2 + 2 × (2 + 33).</summary>
    public const int MaxSize = 72;

    private const byte SequenceTag = 0x30, IntegerTag = 0x02;

    /// <summary>
    /// Parses <paramref name="der"/> into r and s as 32-byte big-endian values in
    /// <paramref name="r"/> and <paramref name="s"/>, with 0 &lt; r, s &lt; n.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> der, Span<byte> r, Span<byte> s)
    {
        if (der.Length < 8 || der[0] != SequenceTag || der[1] != der.Length - 2)
        {
            return false;
        }

        var body = der[2..];
        return TryReadInteger(ref body, r) && TryReadInteger(ref body, s) && body.IsEmpty
            && P256Order.IsInRange(r) && P256Order.IsInRange(s);
    }

    /// <summary>The DER size of a signature with the given 32-byte big-endian r and s.</summary>
    public static int GetEncodedSize(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s) =>
        2 + 2 + IntegerContentSize(r) + 2 + IntegerContentSize(s);

    /// <summary>Writes the DER signature of r and s; <paramref name="destination"/> must be exactly <see cref="GetEncodedSize"/> long.</summary>
    public static void Encode(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, Span<byte> destination)
    {
        destination[0] = SequenceTag;
        destination[1] = (byte)(destination.Length - 2);
        var written = 2 + WriteInteger(r, destination[2..]);
        WriteInteger(s, destination[written..]);
    }

    /// <summary>Reads one minimal, positive INTEGER of at most 32 value bytes, left-padding it to 32 bytes.</summary>
    private static bool TryReadInteger(ref ReadOnlySpan<byte> input, Span<byte> value)
    {
        if (input.Length < 3 || input[0] != IntegerTag)
        {
            return false;
        }

        int length = input[1];
        if (length == 0 || length > 33 || input.Length < 2 + length)
        {
            return false; // empty, too large for P-256, long-form (≥ 0x80) or truncated
        }

        var content = input.Slice(2, length);
        if ((content[0] & 0x80) != 0)
        {
            return false; // negative
        }

        if (content[0] == 0)
        {
            if (length == 1 || (content[1] & 0x80) == 0)
            {
                return false; // a zero, or a leading zero that is not needed
            }

            content = content[1..];
        }

        if (content.Length > P256Order.ScalarSize)
        {
            return false;
        }

        value[..^content.Length].Clear();
        content.CopyTo(value[^content.Length..]);
        input = input[(2 + length)..];
        return true;
    }

    private static int IntegerContentSize(ReadOnlySpan<byte> value)
    {
        var start = FirstSignificant(value);
        var size = value.Length - start;
        return (value[start] & 0x80) != 0 ? size + 1 : size;
    }

    private static int WriteInteger(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var start = FirstSignificant(value);
        var size = IntegerContentSize(value);
        destination[0] = IntegerTag;
        destination[1] = (byte)size;
        var offset = 2;
        if (size > value.Length - start)
        {
            destination[offset++] = 0;
        }

        value[start..].CopyTo(destination[offset..]);
        return 2 + size;
    }

    /// <summary>The index of the first non-zero byte, keeping at least one byte.</summary>
    private static int FirstSignificant(ReadOnlySpan<byte> value)
    {
        var start = value.IndexOfAnyExcept((byte)0);
        return start < 0 ? value.Length - 1 : start;
    }
}
