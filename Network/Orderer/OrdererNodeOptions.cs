using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer;

/// <summary>How an orderer node runs beyond its node config file: logging, clock and Raft timing.</summary>
public sealed record OrdererNodeOptions
{
    /// <summary>
    /// Environment variables a launcher should give an orderer process (the AppHost and the orderer benchmark do):
    /// the gen1 budget capped at 4 MiB. A Raft leader's in-flight envelopes survive gen0 collections, and with the
    /// default budget 16-21 MB of them piled up in gen1 between gen1 collections (8 MB with the cap, ~6 MB less resident
    /// memory). The GC reads this setting from the environment only: <c>System.GC.Gen1MaxBudget</c> in
    /// runtimeconfig.json is ignored (measured), unlike <c>Gen0MaxBudget</c>, which the network host sets there.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RuntimeEnvironment { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_GCGen1MaxBudget"] = "0x400000",
    };

    /// <summary>Configures logging; default console logging at Information.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>The clock for certificate validity and seek timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The lower Raft election timeout; the upper is twice this, and heartbeats go every tenth of it.
    /// Fabric's default is 5 s (10 ticks of 500 ms); 2 s keeps fail-over quick without elections under load.
    /// </summary>
    public TimeSpan ElectionTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Raft log bytes applied between two snapshots of the state machine (each channel's height and tip hash);
    /// after a snapshot DotNext deletes the WAL chunks it covers. Fabric's etcdraft default is 16 MB; 8 MiB keeps fewer
    /// memory-mapped chunks (the WAL holds up to two intervals), at the price of a shorter catch-up window (~7 blocks
    /// of 500 transactions) before a lagging follower installs a snapshot and pulls blocks.
    /// </summary>
    public long SnapshotIntervalBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>
    /// The size of one WAL chunk file (memory-mapped). DotNext's default is one 4 KiB page per file, which runs out
    /// of file handles with blocks of hundreds of KiB; whole chunks are what compaction deletes.
    /// </summary>
    public int RaftLogChunkBytes { get; init; } = 8 * 1024 * 1024;
}
