using System.Security.Cryptography;

namespace Ceiba.Network.Msp.Internal;

/// <summary>Random positive 128-bit certificate serial numbers, as cryptogen makes them.</summary>
internal static class SerialNumbers
{
    public static byte[] New()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40); // positive, and no leading zero byte to strip
        return serial;
    }
}
