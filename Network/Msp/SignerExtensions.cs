using System.Security.Cryptography;

namespace Ceiba.Network.Msp;

/// <summary>Conveniences over <see cref="Signer"/>.</summary>
public static class SignerExtensions
{
    /// <summary>Hashes <paramref name="message"/> with SHA-256 and signs the digest.</summary>
    public static byte[] SignMessage(this Signer signer, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Span<byte> digest = stackalloc byte[EcdsaSignature.DigestSize];
        SHA256.HashData(message, digest);
        return signer(digest);
    }
}
