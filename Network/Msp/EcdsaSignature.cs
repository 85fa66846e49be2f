using System.Security.Cryptography;
using Ceiba.Network.Msp.Internal;

namespace Ceiba.Network.Msp;

/// <summary>
/// Fabric's ECDSA P-256 signatures: SHA-256 digests, DER-encoded <c>SEQUENCE { r, s }</c>, always low-S
/// (s ≤ n/2). Signing normalizes s → n − s; verification parses strict DER and rejects high-S.
/// Everything here works on spans and allocates only the returned signature.
/// </summary>
public static class EcdsaSignature
{
    /// <summary>The size of a SHA-256 digest.</summary>
    public const int DigestSize = 32;

    /// <summary>The largest DER-encoded P-256 signature.</summary>
    public const int MaxSize = DerSignature.MaxSize;

    /// <summary>Signs a SHA-256 digest and returns a low-S DER signature.</summary>
    /// <param name="privateKey">A P-256 private key.</param>
    /// <param name="digest">The SHA-256 digest of the message.</param>
    public static byte[] SignDigest(ECDsa privateKey, ReadOnlySpan<byte> digest)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        Span<byte> der = stackalloc byte[MaxSize];
        if (!privateKey.TrySignHash(digest, der, DSASignatureFormat.Rfc3279DerSequence, out var written))
        {
            throw new CryptographicException("The key did not produce a P-256 signature; is it a P-256 key?");
        }

        return NormalizeLowS(der[..written]);
    }

    /// <summary>Hashes <paramref name="message"/> with SHA-256 and signs the digest (low-S DER).</summary>
    public static byte[] SignMessage(ECDsa privateKey, ReadOnlySpan<byte> message)
    {
        Span<byte> digest = stackalloc byte[DigestSize];
        SHA256.HashData(message, digest);
        return SignDigest(privateKey, digest);
    }

    /// <summary>Checks a DER signature over a SHA-256 digest: strict DER, low-S, then the ECDSA check.</summary>
    /// <param name="publicKey">The signer's P-256 public key.</param>
    /// <param name="digest">The SHA-256 digest of the signed message.</param>
    /// <param name="signature">The DER-encoded signature.</param>
    public static SignatureStatus VerifyDigest(ECDsa publicKey, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        Span<byte> rs = stackalloc byte[2 * P256Order.ScalarSize];
        if (!DerSignature.TryParse(signature, rs[..P256Order.ScalarSize], rs[P256Order.ScalarSize..]))
        {
            return SignatureStatus.Malformed;
        }

        if (P256Order.IsHigh(rs[P256Order.ScalarSize..]))
        {
            return SignatureStatus.HighS;
        }

        // The DER is already known to be strict, so hand it to the platform as is (no re-encoding).
        return publicKey.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence)
            ? SignatureStatus.Valid
            : SignatureStatus.Invalid;
    }

    /// <summary>Hashes <paramref name="message"/> with SHA-256 and checks the signature over the digest.</summary>
    public static SignatureStatus VerifyMessage(ECDsa publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Span<byte> digest = stackalloc byte[DigestSize];
        SHA256.HashData(message, digest);
        return VerifyDigest(publicKey, digest, signature);
    }

    /// <summary>True when <paramref name="signature"/> is strict DER with s ≤ n/2.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> signature)
    {
        Span<byte> rs = stackalloc byte[2 * P256Order.ScalarSize];
        return DerSignature.TryParse(signature, rs[..P256Order.ScalarSize], rs[P256Order.ScalarSize..])
            && !P256Order.IsHigh(rs[P256Order.ScalarSize..]);
    }

    /// <summary>
    /// Returns the low-S form of a DER signature: a copy when s ≤ n/2, otherwise the signature
    /// with s replaced by n − s and re-encoded in minimal DER.
    /// </summary>
    /// <exception cref="CryptographicException">The signature is not strict DER.</exception>
    public static byte[] NormalizeLowS(ReadOnlySpan<byte> signature) => ReplaceS(signature, toHigh: false);

    /// <summary>
    /// Returns the high-S twin of a DER signature (s → n − s when s ≤ n/2). Fabric rejects it; this
    /// exists so tests can prove that.
    /// </summary>
    /// <exception cref="CryptographicException">The signature is not strict DER.</exception>
    public static byte[] ToHighS(ReadOnlySpan<byte> signature) => ReplaceS(signature, toHigh: true);

    private static byte[] ReplaceS(ReadOnlySpan<byte> signature, bool toHigh)
    {
        Span<byte> rs = stackalloc byte[2 * P256Order.ScalarSize];
        var r = rs[..P256Order.ScalarSize];
        var s = rs[P256Order.ScalarSize..];
        if (!DerSignature.TryParse(signature, r, s))
        {
            throw new CryptographicException("Not a strict DER P-256 ECDSA signature.");
        }

        if (P256Order.IsHigh(s) == toHigh)
        {
            return signature.ToArray();
        }

        P256Order.SubtractFromOrder(s, s);
        var result = new byte[DerSignature.GetEncodedSize(r, s)];
        DerSignature.Encode(r, s, result);
        return result;
    }
}
