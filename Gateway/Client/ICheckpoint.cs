namespace Ceiba.Gateway.Client;

/// <summary>A position in the ledger's event history: the block to resume in, and the last transaction processed there.</summary>
public interface ICheckpoint
{
    /// <summary>The block to resume reading from; null when nothing was checkpointed yet.</summary>
    ulong? BlockNumber { get; }

    /// <summary>The last transaction processed in <see cref="BlockNumber"/>; null to read the whole block.</summary>
    string? TransactionId { get; }
}
