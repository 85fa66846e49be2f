namespace Ceiba.Chaincode.Shim.Contracts;

/// <summary>How a client is expected to run a transaction function.</summary>
public enum TransactionIntent
{
    /// <summary>
    /// The transaction changes the ledger: clients endorse it and submit it for ordering.
    /// Tagged <c>SUBMIT</c> and <c>submitTx</c> in the metadata.
    /// </summary>
    Submit,

    /// <summary>
    /// The transaction only reads: clients evaluate it on one peer and never submit it.
    /// Tagged <c>EVALUATE</c> in the metadata.
    /// </summary>
    Evaluate,
}
