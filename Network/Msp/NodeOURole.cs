namespace Ceiba.Network.Msp;

/// <summary>
/// The Fabric NodeOU roles. With NodeOUs enabled, an identity's certificate carries exactly one
/// of them as an organizational unit (OU) in its subject.
/// </summary>
public enum NodeOURole
{
    /// <summary>An application user (<c>OU=client</c>).</summary>
    Client,

    /// <summary>A peer node (<c>OU=peer</c>).</summary>
    Peer,

    /// <summary>An organization administrator (<c>OU=admin</c>).</summary>
    Admin,

    /// <summary>An ordering node (<c>OU=orderer</c>).</summary>
    Orderer,
}

/// <summary>Names of <see cref="NodeOURole"/> as Fabric writes them.</summary>
public static class NodeOURoles
{
    /// <summary>Every role, in Fabric's order: client, peer, admin, orderer.</summary>
    public static IReadOnlyList<NodeOURole> All { get; } = [NodeOURole.Client, NodeOURole.Peer, NodeOURole.Admin, NodeOURole.Orderer];

    /// <summary>The default OU name of a role: <c>client</c>, <c>peer</c>, <c>admin</c> or <c>orderer</c>.</summary>
    public static string ToOUName(this NodeOURole role) => role switch
    {
        NodeOURole.Client => "client",
        NodeOURole.Peer => "peer",
        NodeOURole.Admin => "admin",
        NodeOURole.Orderer => "orderer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown NodeOU role."),
    };
}
