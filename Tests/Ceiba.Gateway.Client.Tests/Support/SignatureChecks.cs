using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Msp;
using Google.Protobuf;

namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>Verifies a Fabric signature against the certificate inside a serialized creator, as a peer does.</summary>
internal static class SignatureChecks
{
    public static bool Verify(ByteString serializedCreator, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        var creator = SerializedIdentity.Parser.ParseFrom(serializedCreator);
        return VerifyWithPem(creator.IdBytes.ToStringUtf8(), message, signature);
    }

    public static bool VerifyWithPem(string certificatePem, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        using var certificate = Pem.LoadCertificate(certificatePem);
        using var publicKey = certificate.GetECDsaPublicKey() ?? throw new InvalidOperationException("not an EC certificate");
        return EcdsaSignature.VerifyMessage(publicKey, message, signature) == SignatureStatus.Valid;
    }

    public static string TxId(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator) =>
        Convert.ToHexStringLower(SHA256.HashData([.. nonce, .. creator]));

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}

/// <summary>Test conveniences over protobuf bytes.</summary>
internal static class ByteStringExtensions
{
    public static ByteString AsByteString(this byte[] bytes) => ByteString.CopyFrom(bytes);
}
