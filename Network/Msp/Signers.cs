using System.Security.Cryptography;

namespace Ceiba.Network.Msp;

/// <summary>Creates <see cref="Signer"/>s.</summary>
public static class Signers
{
    /// <summary>
    /// A signer over an in-memory P-256 private key: ECDSA over the digest, DER, normalized to low-S.
    /// The key stays owned by the caller and must outlive the signer.
    /// </summary>
    public static Signer NewPrivateKeySigner(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return digest => EcdsaSignature.SignDigest(privateKey, digest);
    }
}
