namespace Ceiba.Network.Msp;

/// <summary>The roles a policy principal can require, numbered as Fabric's <c>msp.MSPRole.MSPRoleType</c>.</summary>
public enum MspRole
{
    /// <summary>Any valid identity of the MSP.</summary>
    Member = 0,

    /// <summary>An admin: the admin NodeOU, or a certificate listed in admincerts.</summary>
    Admin = 1,

    /// <summary>The client NodeOU.</summary>
    Client = 2,

    /// <summary>The peer NodeOU.</summary>
    Peer = 3,

    /// <summary>The orderer NodeOU.</summary>
    Orderer = 4,
}
