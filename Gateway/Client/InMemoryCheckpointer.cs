namespace Ceiba.Gateway.Client;

/// <summary>A checkpointer that keeps its position in memory, for resuming within one process.</summary>
public class InMemoryCheckpointer : ICheckpointer
{
    /// <inheritdoc />
    public ulong? BlockNumber { get; private set; }

    /// <inheritdoc />
    public string? TransactionId { get; private set; }

    /// <inheritdoc />
    public ValueTask CheckpointBlockAsync(ulong blockNumber, CancellationToken cancellationToken = default) =>
        SetAsync(blockNumber + 1, null, cancellationToken);

    /// <inheritdoc />
    public ValueTask CheckpointTransactionAsync(ulong blockNumber, string transactionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(transactionId);
        return SetAsync(blockNumber, transactionId, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask CheckpointChaincodeEventAsync(ChaincodeEvent chaincodeEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chaincodeEvent);
        return CheckpointTransactionAsync(chaincodeEvent.BlockNumber, chaincodeEvent.TransactionId, cancellationToken);
    }

    /// <summary>Moves the position; subclasses persist it by overriding <see cref="SaveAsync"/>.</summary>
    protected async ValueTask SetAsync(ulong? blockNumber, string? transactionId, CancellationToken cancellationToken)
    {
        BlockNumber = blockNumber;
        TransactionId = transactionId;
        await SaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Persists the current position; nothing to do in memory.</summary>
    protected virtual ValueTask SaveAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
