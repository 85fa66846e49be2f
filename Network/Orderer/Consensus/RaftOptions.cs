namespace Ceiba.Network.Orderer.Consensus;

/// <summary>Raft timing and write-ahead-log sizing.</summary>
/// <param name="ElectionTimeout">The lower election timeout; the upper is twice this.</param>
/// <param name="SnapshotIntervalBytes">Entry bytes applied between snapshots (each snapshot lets DotNext delete the WAL chunks before it).</param>
/// <param name="WalChunkBytes">The size of one WAL chunk file.</param>
internal sealed record RaftOptions(TimeSpan ElectionTimeout, long SnapshotIntervalBytes, int WalChunkBytes);
