using Ceiba.Network.Msp;
using Google.Protobuf;

namespace Ceiba.Gateway.Client;

/// <summary>
/// The client identity a gateway acts as: an MSP ID and the PEM-encoded X.509 certificate (the
/// <c>credentials</c> of fabric-gateway). Its serialized form is the creator of every proposal.
/// </summary>
public sealed class Identity
{
    /// <summary>Creates an identity from an MSP ID and certificate PEM bytes.</summary>
    /// <param name="mspId">The MSP ID, e.g. <c>HabanaMSP</c>.</param>
    /// <param name="credentials">The certificate as PEM bytes, exactly as it should be sent.</param>
    public Identity(string mspId, ReadOnlyMemory<byte> credentials)
    {
        ArgumentException.ThrowIfNullOrEmpty(mspId);
        if (credentials.IsEmpty)
        {
            throw new ArgumentException("The credentials (certificate PEM) must not be empty.", nameof(credentials));
        }

        MspId = mspId;
        Credentials = credentials.ToArray();
        Serialized = ByteString.CopyFrom(SerializedIdentities.Serialize(mspId, credentials.Span));
    }

    /// <summary>The MSP ID.</summary>
    public string MspId { get; }

    /// <summary>The certificate PEM bytes.</summary>
    public ReadOnlyMemory<byte> Credentials { get; }

    /// <summary>The marshaled <c>msp.SerializedIdentity</c>, cached for every request.</summary>
    internal ByteString Serialized { get; }

    /// <summary>Loads the identity from a PEM certificate file.</summary>
    public static Identity FromCertificateFile(string mspId, string certificatePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificatePath);
        return new Identity(mspId, File.ReadAllBytes(certificatePath));
    }

    /// <summary>Takes the MSP ID and certificate of an MSP signing identity.</summary>
    public static Identity FromSigningIdentity(SigningIdentity signingIdentity)
    {
        ArgumentNullException.ThrowIfNull(signingIdentity);
        return new Identity(signingIdentity.MspId, signingIdentity.CertificatePem);
    }

    /// <summary>Loads the signing certificate (signcerts/) of a local MSP folder.</summary>
    /// <exception cref="InvalidDataException">The folder has no signing certificate.</exception>
    public static Identity FromMspFolder(string mspDirectory, string mspId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mspDirectory);
        using var credential = MspFolder.Read(mspDirectory).SigningCredential
            ?? throw new InvalidDataException($"MSP folder {mspDirectory} has no signcerts/ and keystore/ signing credential.");
        return new Identity(mspId, Pem.EncodeCertificateUtf8(credential.Certificate));
    }
}
