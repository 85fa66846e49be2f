using Ceiba.Network.Protos.Peer;

namespace Ceiba.Gateway.Client;

/// <summary>The outcome of a committed transaction.</summary>
/// <param name="Code">The validation code; <see cref="TxValidationCode.Valid"/> when it committed successfully.</param>
/// <param name="BlockNumber">The block that holds the transaction.</param>
/// <param name="TransactionId">The transaction ID.</param>
public sealed record Status(TxValidationCode Code, ulong BlockNumber, string TransactionId)
{
    /// <summary>True when the transaction is valid and its writes were applied.</summary>
    public bool Successful => Code == TxValidationCode.Valid;
}
