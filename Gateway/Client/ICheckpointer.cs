namespace Ceiba.Gateway.Client;

/// <summary>Records progress through an event stream, so that a new stream resumes after the last processed event.</summary>
public interface ICheckpointer : ICheckpoint
{
    /// <summary>Records that block <paramref name="blockNumber"/> was fully processed: resume at the next block.</summary>
    ValueTask CheckpointBlockAsync(ulong blockNumber, CancellationToken cancellationToken = default);

    /// <summary>Records that transaction <paramref name="transactionId"/> of block <paramref name="blockNumber"/> was processed.</summary>
    ValueTask CheckpointTransactionAsync(ulong blockNumber, string transactionId, CancellationToken cancellationToken = default);

    /// <summary>Records that <paramref name="chaincodeEvent"/> was processed.</summary>
    ValueTask CheckpointChaincodeEventAsync(ChaincodeEvent chaincodeEvent, CancellationToken cancellationToken = default);
}
