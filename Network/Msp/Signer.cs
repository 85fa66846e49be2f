namespace Ceiba.Network.Msp;

/// <summary>
/// Signs a SHA-256 digest and returns a DER-encoded, low-S ECDSA signature, as Fabric expects.
/// This is the shape of fabric-gateway's signer: a function over a digest, so that a key can live
/// anywhere (in memory, an HSM, a remote signing service).
/// </summary>
/// <param name="digest">The SHA-256 digest of the bytes to sign.</param>
public delegate byte[] Signer(ReadOnlySpan<byte> digest);
