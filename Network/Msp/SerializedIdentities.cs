using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Protos.Msp;
using Google.Protobuf;

namespace Ceiba.Network.Msp;

/// <summary>
/// The creator/endorser bytes of Fabric headers: a protobuf <c>msp.SerializedIdentity</c> holding the
/// MSP ID and the PEM certificate.
/// </summary>
public static class SerializedIdentities
{
    /// <summary>Serializes <c>{ mspid, id_bytes = certificatePem }</c>.</summary>
    /// <param name="mspId">The MSP ID, e.g. <c>HabanaMSP</c>.</param>
    /// <param name="certificatePem">The certificate's PEM bytes, exactly as they should be signed and sent.</param>
    public static byte[] Serialize(string mspId, ReadOnlySpan<byte> certificatePem)
    {
        ArgumentException.ThrowIfNullOrEmpty(mspId);
        return new SerializedIdentity { Mspid = mspId, IdBytes = ByteString.CopyFrom(certificatePem) }.ToByteArray();
    }

    /// <summary>Serializes a certificate as Go would PEM-encode it.</summary>
    public static byte[] Serialize(string mspId, X509Certificate2 certificate) =>
        Serialize(mspId, Pem.EncodeCertificateUtf8(certificate));

    /// <summary>Parses serialized identity bytes into the MSP ID and the certificate PEM bytes.</summary>
    /// <returns>False when the bytes are not a <c>msp.SerializedIdentity</c>.</returns>
    public static bool TryDeserialize(ReadOnlySpan<byte> serializedIdentity, out string mspId, out ReadOnlyMemory<byte> certificatePem)
    {
        try
        {
            var identity = SerializedIdentity.Parser.ParseFrom(serializedIdentity);
            mspId = identity.Mspid;
            certificatePem = identity.IdBytes.Memory;
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            mspId = string.Empty;
            certificatePem = ReadOnlyMemory<byte>.Empty;
            return false;
        }
    }
}
