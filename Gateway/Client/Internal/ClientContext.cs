using Ceiba.Network.Msp;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>What every object of one gateway connection shares: the identity, the optional signer and the RPC wrapper.</summary>
internal sealed class ClientContext(Identity identity, Signer? signer, GatewayRpc rpc)
{
    public Identity Identity { get; } = identity;

    public GatewayRpc Rpc { get; } = rpc;

    /// <summary>Signs a SHA-256 digest, or explains that this gateway needs offline signatures.</summary>
    /// <exception cref="InvalidOperationException">The gateway was connected without a signer.</exception>
    public byte[] Sign(ReadOnlySpan<byte> digest, string what)
    {
        if (signer is null)
        {
            throw new InvalidOperationException(
                $"The {what} is not signed and this gateway has no signer. Sign its Digest offline and rebuild it with Gateway.NewSigned{what}(bytes, signature).");
        }

        return signer(digest);
    }
}
