namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>The shim side of Fabric's chaincode stream state machine.</summary>
internal enum ConnectionState
{
    /// <summary>REGISTER sent; only REGISTERED is valid.</summary>
    Created,

    /// <summary>REGISTERED received; only READY is valid.</summary>
    Established,

    /// <summary>READY received; transactions may run.</summary>
    Ready,
}
