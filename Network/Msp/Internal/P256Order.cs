using System.Buffers.Binary;

namespace Ceiba.Network.Msp.Internal;

/// <summary>
/// Arithmetic on 32-byte big-endian scalars modulo the order n of the P-256 group, just enough
/// for low-S normalization: compare with n and n/2, and compute n − s. No BigInteger, no allocation.
/// </summary>
internal static class P256Order
{
    /// <summary>The size of a P-256 scalar in bytes.</summary>
    public const int ScalarSize = 32;

    // n = FFFFFFFF 00000000 FFFFFFFF FFFFFFFF BCE6FAAD A7179E84 F3B9CAC2 FC632551, as four big-endian 64-bit limbs.
    private const ulong N0 = 0xFFFFFFFF00000000, N1 = 0xFFFFFFFFFFFFFFFF, N2 = 0xBCE6FAADA7179E84, N3 = 0xF3B9CAC2FC632551;

    // n / 2 (floor) = 7FFFFFFF 80000000 7FFFFFFF FFFFFFFF DE737D56 D38BCF42 79DCE561 7E3192A8.
    private const ulong H0 = 0x7FFFFFFF80000000, H1 = 0x7FFFFFFFFFFFFFFF, H2 = 0xDE737D56D38BCF42, H3 = 0x79DCE5617E3192A8;

    /// <summary>True when 0 &lt; value &lt; n.</summary>
    public static bool IsInRange(ReadOnlySpan<byte> value)
    {
        var (a0, a1, a2, a3) = Read(value);
        return (a0 | a1 | a2 | a3) != 0 && Compare(a0, a1, a2, a3, N0, N1, N2, N3) < 0;
    }

    /// <summary>True when value &gt; n/2, that is, when the signature's s is "high".</summary>
    public static bool IsHigh(ReadOnlySpan<byte> value)
    {
        var (a0, a1, a2, a3) = Read(value);
        return Compare(a0, a1, a2, a3, H0, H1, H2, H3) > 0;
    }

    /// <summary>Writes n − value into <paramref name="destination"/>; value must be in [1, n − 1].</summary>
    public static void SubtractFromOrder(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var (a0, a1, a2, a3) = Read(value);
        ulong borrow = 0;
        var r3 = Sub(N3, a3, ref borrow);
        var r2 = Sub(N2, a2, ref borrow);
        var r1 = Sub(N1, a1, ref borrow);
        var r0 = Sub(N0, a0, ref borrow);
        BinaryPrimitives.WriteUInt64BigEndian(destination, r0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], r1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], r2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], r3);
    }

    private static (ulong, ulong, ulong, ulong) Read(ReadOnlySpan<byte> value) => (
        BinaryPrimitives.ReadUInt64BigEndian(value),
        BinaryPrimitives.ReadUInt64BigEndian(value[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(value[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(value[24..]));

    private static int Compare(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3) =>
        a0 != b0 ? a0.CompareTo(b0) : a1 != b1 ? a1.CompareTo(b1) : a2 != b2 ? a2.CompareTo(b2) : a3.CompareTo(b3);

    private static ulong Sub(ulong a, ulong b, ref ulong borrow)
    {
        var difference = a - b - borrow;
        borrow = (a < b || (a == b && borrow == 1)) ? 1UL : 0UL;
        return difference;
    }
}
