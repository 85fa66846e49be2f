using System.Security.Cryptography.X509Certificates;

namespace Ceiba.Network.Msp;

/// <summary>
/// The <c>NodeOUs</c> section of an MSP's <c>config.yaml</c>: when enabled, an identity's role
/// (client, peer, admin, orderer) is read from its certificate's OU.
/// </summary>
/// <param name="Enable">Whether NodeOU classification is on.</param>
/// <param name="Client">The client OU, or null when not configured.</param>
/// <param name="Peer">The peer OU, or null when not configured.</param>
/// <param name="Admin">The admin OU, or null when not configured.</param>
/// <param name="Orderer">The orderer OU, or null when not configured.</param>
public sealed record NodeOUConfig(bool Enable, NodeOUIdentifier? Client, NodeOUIdentifier? Peer, NodeOUIdentifier? Admin, NodeOUIdentifier? Orderer)
{
    /// <summary>
    /// cryptogen's config: enabled, the four roles with OU names <c>client</c>, <c>peer</c>,
    /// <c>admin</c> and <c>orderer</c>, each certified by <paramref name="caCertificate"/>.
    /// </summary>
    public static NodeOUConfig Standard(X509Certificate2? caCertificate) => new(
        Enable: true,
        Client: new(NodeOURole.Client.ToOUName(), caCertificate),
        Peer: new(NodeOURole.Peer.ToOUName(), caCertificate),
        Admin: new(NodeOURole.Admin.ToOUName(), caCertificate),
        Orderer: new(NodeOURole.Orderer.ToOUName(), caCertificate));

    /// <summary>The identifier configured for <paramref name="role"/>, or null.</summary>
    public NodeOUIdentifier? Get(NodeOURole role) => role switch
    {
        NodeOURole.Client => Client,
        NodeOURole.Peer => Peer,
        NodeOURole.Admin => Admin,
        NodeOURole.Orderer => Orderer,
        _ => null,
    };
}
