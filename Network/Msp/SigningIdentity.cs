using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp;

/// <summary>
/// Everything a client or node needs to sign as an MSP member: the MSP ID, the certificate, its
/// PEM bytes, the serialized identity (the creator bytes of headers) and a signer.
/// </summary>
public sealed class SigningIdentity : IDisposable
{
    private readonly IDisposable? _owned;

    /// <summary>Bundles an identity from its parts. The certificate is PEM-encoded as Go does.</summary>
    /// <param name="mspId">The MSP ID, e.g. <c>HabanaMSP</c>.</param>
    /// <param name="certificate">The identity's certificate.</param>
    /// <param name="signer">Signs digests for the certificate's key.</param>
    public SigningIdentity(string mspId, X509Certificate2 certificate, Signer signer)
        : this(mspId, certificate, signer, owned: null)
    {
    }

    private SigningIdentity(string mspId, X509Certificate2 certificate, Signer signer, IDisposable? owned)
    {
        ArgumentException.ThrowIfNullOrEmpty(mspId);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(signer);
        MspId = mspId;
        Certificate = certificate;
        Signer = signer;
        CertificatePem = Pem.EncodeCertificateUtf8(certificate);
        Serialized = SerializedIdentities.Serialize(mspId, CertificatePem.Span);
        _owned = owned;
    }

    /// <summary>The MSP ID.</summary>
    public string MspId { get; }

    /// <summary>The identity's certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate's PEM bytes (the SerializedIdentity's id_bytes).</summary>
    public ReadOnlyMemory<byte> CertificatePem { get; }

    /// <summary>The serialized <c>msp.SerializedIdentity</c>: the creator bytes for headers and endorsements.</summary>
    public ReadOnlyMemory<byte> Serialized { get; }

    /// <summary>The signer (low-S DER over a SHA-256 digest).</summary>
    public Signer Signer { get; }

    /// <summary>Creates an identity over a credential's certificate and key. The credential stays owned by the caller.</summary>
    public static SigningIdentity FromCredential(string mspId, Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new SigningIdentity(mspId, credential.Certificate, credential.CreateSigner());
    }

    /// <summary>Loads a local MSP folder's signing certificate and key; disposing the identity disposes them.</summary>
    /// <exception cref="InvalidDataException">The folder has no signing credential.</exception>
    public static SigningIdentity FromMspFolder(string mspDirectory, string mspId)
    {
        var contents = MspFolder.Read(mspDirectory);
        var credential = contents.SigningCredential
            ?? throw new InvalidDataException($"MSP folder {mspDirectory} has no signcerts/ and keystore/ signing credential.");
        return new SigningIdentity(mspId, credential.Certificate, credential.CreateSigner(), credential);
    }

    /// <summary>Signs a SHA-256 digest.</summary>
    public byte[] Sign(ReadOnlySpan<byte> digest) => Signer(digest);

    /// <summary>Hashes <paramref name="message"/> with SHA-256 and signs it.</summary>
    public byte[] SignMessage(ReadOnlySpan<byte> message) => Signer.SignMessage(message);

    /// <summary>The transaction ID this identity gets with <paramref name="nonce"/>.</summary>
    public string ComputeTransactionId(ReadOnlySpan<byte> nonce) => TransactionIds.Compute(nonce, Serialized.Span);

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();
}
