using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp;

/// <summary>
/// An identity that an MSP has validated: MSP ID, certificate, NodeOU role. It verifies signatures
/// with the certificate's public key, imported once and shared (verification does not mutate the key).
/// </summary>
public sealed class MspIdentity
{
    private readonly Lazy<ECDsa> _publicKey;
    private readonly Lazy<IReadOnlyDictionary<string, string>> _attributes;

    internal MspIdentity(string mspId, X509Certificate2 certificate, ReadOnlyMemory<byte> certificatePem, NodeOURole? role, bool isListedAdmin)
    {
        MspId = mspId;
        Certificate = certificate;
        CertificatePem = certificatePem;
        Role = role;
        IsListedAdmin = isListedAdmin;
        _publicKey = new(() => certificate.GetECDsaPublicKey() ?? throw new CryptographicException("Not an ECDSA certificate."));
        _attributes = new(() => FabricAttributes.FromCertificate(certificate));
    }

    /// <summary>The MSP ID.</summary>
    public string MspId { get; }

    /// <summary>The certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate's PEM bytes as they were received (id_bytes).</summary>
    public ReadOnlyMemory<byte> CertificatePem { get; }

    /// <summary>The NodeOU role; null when the MSP does not enable NodeOUs.</summary>
    public NodeOURole? Role { get; }

    /// <summary>True when the certificate is listed in the MSP's admincerts.</summary>
    public bool IsListedAdmin { get; }

    /// <summary>True when the identity acts as an admin: the admin NodeOU or a listed admin certificate.</summary>
    public bool IsAdmin => Role == NodeOURole.Admin || IsListedAdmin;

    /// <summary>The certificate's public key.</summary>
    public ECDsa PublicKey => _publicKey.Value;

    /// <summary>Fabric CA attributes of the certificate (extension 1.2.3.4.5.6.7.8.1); empty when none.</summary>
    public IReadOnlyDictionary<string, string> Attributes => _attributes.Value;

    /// <summary>Checks a signature over a SHA-256 digest (strict DER, low-S).</summary>
    public SignatureStatus VerifyDigest(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature) =>
        EcdsaSignature.VerifyDigest(PublicKey, digest, signature);

    /// <summary>Checks a signature over a message (SHA-256, strict DER, low-S).</summary>
    public SignatureStatus VerifyMessage(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        EcdsaSignature.VerifyMessage(PublicKey, message, signature);

    /// <summary>True when the identity satisfies <paramref name="principal"/>: same MSP, and the role (member: any; admin: admin OU or admincerts; others: that NodeOU).</summary>
    public bool Satisfies(MspPrincipal principal) =>
        principal.MspId == MspId && principal.Role switch
        {
            MspRole.Member => true,
            MspRole.Admin => IsAdmin,
            MspRole.Client => Role == NodeOURole.Client,
            MspRole.Peer => Role == NodeOURole.Peer,
            MspRole.Orderer => Role == NodeOURole.Orderer,
            _ => false,
        };

    /// <inheritdoc />
    public override string ToString() =>
        $"{MspId} {Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false)}{(Role is { } role ? $" ({role.ToOUName()})" : string.Empty)}";
}
