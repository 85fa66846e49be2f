namespace Ceiba.Chaincode.Shim;

/// <summary>
/// A chaincode: the code the peer runs for each proposal. The shim calls <see cref="InitAsync"/> for an
/// INIT message and <see cref="InvokeAsync"/> for a TRANSACTION message, each with its own stub.
/// </summary>
/// <remarks>
/// Calls for different transactions run concurrently, so an implementation must be thread-safe.
/// A response with status below 400 endorses the transaction; status 400 or more is an error returned
/// to the client. An exception is reported to the peer as an ERROR whose text is the exception message only.
/// </remarks>
public interface IChaincode
{
    /// <summary>Runs for an INIT message (the peer sends INIT for a definition that requires initialisation).</summary>
    /// <param name="stub">The transaction's view of the ledger and its proposal.</param>
    /// <returns>The response the peer puts in the proposal response.</returns>
    Task<ChaincodeResponse> InitAsync(IChaincodeStub stub);

    /// <summary>Runs one transaction.</summary>
    /// <param name="stub">The transaction's view of the ledger and its proposal.</param>
    /// <returns>The response the peer puts in the proposal response.</returns>
    Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub);
}
