using System.Security.Cryptography;
using Google.Protobuf;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>SHA-256 digests of the exact bytes that get signed.</summary>
internal static class Digests
{
    public static byte[] Sha256(ByteString bytes) => SHA256.HashData(bytes.Span);

    /// <summary>Hashes and signs <paramref name="message"/> without allocating the digest on the heap.</summary>
    public static ByteString Sign(ClientContext context, ByteString message, string what)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(message.Span, digest);
        return UnsafeByteOperations.UnsafeWrap(context.Sign(digest, what));
    }
}
