using System.Buffers;
using System.Security.Cryptography;

namespace Ceiba.Network.Msp;

/// <summary>Fabric transaction IDs: <c>hex(SHA-256(nonce ‖ creator))</c>, lowercase, over a 24-byte random nonce.</summary>
public static class TransactionIds
{
    /// <summary>The nonce size Fabric's SDKs use.</summary>
    public const int NonceSize = 24;

    /// <summary>A new cryptographically random 24-byte nonce.</summary>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceSize);

    /// <summary>The transaction ID for <paramref name="nonce"/> and the serialized <paramref name="creator"/> identity.</summary>
    public static string Compute(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator)
    {
        var length = nonce.Length + creator.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            nonce.CopyTo(buffer);
            creator.CopyTo(buffer.AsSpan(nonce.Length));
            Span<byte> digest = stackalloc byte[EcdsaSignature.DigestSize];
            SHA256.HashData(buffer.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
