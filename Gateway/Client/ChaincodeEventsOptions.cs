namespace Ceiba.Gateway.Client;

/// <summary>Where a chaincode event stream starts.</summary>
public sealed record ChaincodeEventsOptions
{
    /// <summary>The first block to read events from; null for the next block to commit.</summary>
    public ulong? StartBlock { get; init; }

    /// <summary>
    /// A checkpoint to resume from: when it holds a block, reading starts there, after its transaction if it holds one,
    /// and <see cref="StartBlock"/> is ignored.
    /// </summary>
    public ICheckpoint? Checkpoint { get; init; }
}
