namespace Ceiba.Network.Msp;

/// <summary>Why an identity failed validation against an MSP.</summary>
public enum IdentityValidationError
{
    /// <summary>The identity is valid.</summary>
    None,

    /// <summary>The bytes are not a <c>msp.SerializedIdentity</c>.</summary>
    MalformedIdentity,

    /// <summary>No MSP with the identity's MSP ID is known.</summary>
    UnknownMsp,

    /// <summary>The identity names a different MSP than the one validating it.</summary>
    MspIdMismatch,

    /// <summary>The id_bytes are not a PEM X.509 certificate.</summary>
    MalformedCertificate,

    /// <summary>The certificate's key is not ECDSA P-256.</summary>
    UnsupportedKey,

    /// <summary>The certificate is a CA certificate, which cannot act as an identity.</summary>
    CaCertificate,

    /// <summary>The certificate does not chain to a root or intermediate CA of the MSP.</summary>
    NotIssuedByMsp,

    /// <summary>The certificate (or a CA in its chain) is not yet valid.</summary>
    NotYetValid,

    /// <summary>The certificate (or a CA in its chain) has expired.</summary>
    Expired,

    /// <summary>NodeOUs are enabled and the certificate carries none of the role OUs.</summary>
    NoNodeOURole,

    /// <summary>NodeOUs are enabled and the certificate carries more than one role OU.</summary>
    MultipleNodeOURoles,
}
