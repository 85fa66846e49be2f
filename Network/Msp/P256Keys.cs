using System.Security.Cryptography;

namespace Ceiba.Network.Msp;

/// <summary>ECDSA keys on NIST P-256 (secp256r1), the curve Fabric uses.</summary>
public static class P256Keys
{
    /// <summary>Generates a new P-256 key pair.</summary>
    public static ECDsa Generate() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>True when <paramref name="key"/> is on P-256.</summary>
    public static bool IsP256(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.KeySize == 256;
    }

    /// <summary>
    /// The subject key identifier cryptogen uses: SHA-256 of the uncompressed public point
    /// (<c>04 ‖ X ‖ Y</c>).
    /// </summary>
    public static byte[] SubjectKeyIdentifier(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        Span<byte> uncompressed = stackalloc byte[65];
        uncompressed[0] = 0x04;
        point.X.CopyTo(uncompressed[1..]);
        point.Y.CopyTo(uncompressed[33..]);
        return SHA256.HashData(uncompressed);
    }
}
