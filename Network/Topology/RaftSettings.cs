using System.Text.Json.Serialization;
using Ceiba.Network.Topology.Json;

namespace Ceiba.Network.Topology;

/// <summary>etcdraft options (Fabric's EtcdRaft.Options), defaulting to Fabric's values.</summary>
public sealed record RaftSettings
{
    /// <summary>The Raft tick; more than zero. Default 500ms.</summary>
    [JsonConverter(typeof(DurationJsonConverter))]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Ticks without a heartbeat before a follower campaigns; more than <see cref="HeartbeatTick"/>. Default 10.</summary>
    public int ElectionTick { get; set; } = 10;

    /// <summary>Ticks between leader heartbeats; at least 1. Default 1.</summary>
    public int HeartbeatTick { get; set; } = 1;

    /// <summary>Blocks a leader may have in flight to a follower; at least 1. Default 5.</summary>
    public int MaxInflightBlocks { get; set; } = 5;

    /// <summary>Bytes of log between snapshots; more than zero. Default 16 MiB.</summary>
    public long SnapshotIntervalSize { get; set; } = 16 * 1024 * 1024;
}
