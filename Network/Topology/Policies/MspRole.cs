namespace Ceiba.Network.Topology.Policies;

/// <summary>The role of a principal, with the numbers of Fabric's <c>MSPRole.MSPRoleType</c>.</summary>
public enum MspRole
{
    /// <summary>Any identity of the MSP (<c>member</c>).</summary>
    Member = 0,

    /// <summary>An administrator (<c>admin</c>).</summary>
    Admin = 1,

    /// <summary>A client identity (<c>client</c>).</summary>
    Client = 2,

    /// <summary>A peer identity (<c>peer</c>).</summary>
    Peer = 3,

    /// <summary>An orderer identity (<c>orderer</c>).</summary>
    Orderer = 4,
}
