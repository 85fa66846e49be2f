namespace Ceiba.Network.Topology;

/// <summary>What a network process does.</summary>
public enum NodeRole
{
    /// <summary>An ordering node.</summary>
    Orderer,

    /// <summary>A peer.</summary>
    Peer,

    /// <summary>A Fabric CA.</summary>
    CertificateAuthority,

    /// <summary>A chaincode-as-a-service server.</summary>
    ChaincodeServer,
}
