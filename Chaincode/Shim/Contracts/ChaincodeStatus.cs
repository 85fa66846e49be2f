namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>
/// Status codes a contract returns in a chaincode response. Fabric treats a status of 400 or
/// more as an error; the HTTP meanings are a convention the contract API follows.
/// </summary>
public static class ChaincodeStatus
{
    /// <summary>The transaction succeeded.</summary>
    public const int Ok = 200;

    /// <summary>The arguments are missing, malformed or invalid.</summary>
    public const int BadRequest = 400;

    /// <summary>The caller's identity is not allowed to run the transaction.</summary>
    public const int Forbidden = 403;

    /// <summary>The record asked for does not exist.</summary>
    public const int NotFound = 404;

    /// <summary>The record to create already exists.</summary>
    public const int Conflict = 409;

    /// <summary>The chaincode failed; the details are only in the chaincode's log.</summary>
    public const int InternalError = 500;
}
