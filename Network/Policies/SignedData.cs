namespace Ceiba.Network.Policies;

/// <summary>One signature to evaluate a policy over: the signed bytes, the serialized identity that signed them, and the signature.</summary>
/// <param name="Data">The bytes that were signed (SHA-256 is taken by the verifier).</param>
/// <param name="Identity">The signer's serialized <c>msp.SerializedIdentity</c>.</param>
/// <param name="Signature">The DER ECDSA signature over SHA-256(<paramref name="Data"/>).</param>
public readonly record struct SignedData(ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Identity, ReadOnlyMemory<byte> Signature);
