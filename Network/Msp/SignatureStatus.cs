namespace Ceiba.Network.Msp;

/// <summary>The outcome of checking an ECDSA signature the way Fabric does.</summary>
public enum SignatureStatus
{
    /// <summary>Strict DER, low-S, and valid for the key and digest.</summary>
    Valid,

    /// <summary>Not a strict DER <c>SEQUENCE { r, s }</c> with 0 &lt; r, s &lt; n (truncated, trailing bytes, bad lengths, non-minimal integers...).</summary>
    Malformed,

    /// <summary>Well formed, but s &gt; n/2: Fabric rejects high-S signatures to prevent malleability.</summary>
    HighS,

    /// <summary>Well formed and low-S, but not made by this key over this digest.</summary>
    Invalid,
}
