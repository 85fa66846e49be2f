namespace Ceiba.Gateway.Client;

/// <summary>Where a block event stream starts.</summary>
public sealed record BlockEventsOptions
{
    /// <summary>The first block to read; null for the next block to commit.</summary>
    public ulong? StartBlock { get; init; }

    /// <summary>
    /// A checkpoint to resume from: when it holds a block, reading starts there and <see cref="StartBlock"/> is ignored.
    /// Checkpoint each processed block with <see cref="ICheckpointer.CheckpointBlockAsync"/>.
    /// </summary>
    public ICheckpoint? Checkpoint { get; init; }

    internal ulong? Start => Checkpoint?.BlockNumber ?? StartBlock;
}
