using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp.Internal;

/// <summary>
/// Signs certificates with ECDSA and low-S signatures. Fabric's MSP rewrites a certificate whose
/// signature is high-S into its low-S twin before it serializes the identity, so issuing low-S
/// certificates keeps the bytes on disk and the bytes Fabric sends identical.
/// </summary>
internal sealed class LowSSignatureGenerator(ECDsa key) : X509SignatureGenerator
{
    private readonly X509SignatureGenerator _inner = CreateForECDsa(key);

    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm) =>
        _inner.GetSignatureAlgorithmIdentifier(hashAlgorithm);

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
        EcdsaSignature.NormalizeLowS(_inner.SignData(data, hashAlgorithm));

    protected override PublicKey BuildPublicKey() => _inner.PublicKey;
}
