using Ceiba.Network.Protos.Peer;

namespace Ceiba.Gateway.Client;

/// <summary>The transaction was ordered and committed in a block, but validation marked it invalid.</summary>
public sealed class CommitException : Exception
{
    /// <summary>Creates the exception from the commit status.</summary>
    public CommitException(Status status)
        : base(Describe(status))
    {
        TransactionId = status.TransactionId;
        Code = status.Code;
        BlockNumber = status.BlockNumber;
    }

    /// <summary>The transaction ID.</summary>
    public string TransactionId { get; }

    /// <summary>Why validation rejected the transaction, e.g. <see cref="TxValidationCode.MvccReadConflict"/>.</summary>
    public TxValidationCode Code { get; }

    /// <summary>The block that holds the invalid transaction.</summary>
    public ulong BlockNumber { get; }

    private static string Describe(Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return $"Transaction {status.TransactionId} failed to commit in block {status.BlockNumber} with status code {(int)status.Code} ({status.Code}).";
    }
}
