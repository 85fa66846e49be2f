namespace Ceiba.Chaincode.Ehr.Access;

/// <summary>The roles a Fabric CA puts in the <c>role</c> attribute of an EHR user's certificate.</summary>
public enum Role
{
    /// <summary><c>role=admin</c>: manages admin and doctor accounts.</summary>
    Admin,

    /// <summary><c>role=doctor</c>: creates and reads clinical records.</summary>
    Doctor,
}
