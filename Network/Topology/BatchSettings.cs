using System.Text.Json.Serialization;
using Ceiba.Network.Topology.Json;

namespace Ceiba.Network.Topology;

/// <summary>
/// How the orderer cuts blocks (Fabric's Orderer.BatchTimeout and Orderer.BatchSize). The defaults are Fabric's
/// sample configuration: 2s, 500 messages, 10 MB absolute and 2 MB preferred.
/// </summary>
public sealed record BatchSettings
{
    /// <summary>How long after the first pending message a block is cut; more than zero. Written like <c>"2s"</c>.</summary>
    [JsonConverter(typeof(DurationJsonConverter))]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A block is cut when it holds this many messages; more than zero.</summary>
    public int MaxMessageCount { get; set; } = 500;

    /// <summary>No message may be larger; more than zero and at most 4 GiB - 1 (a uint32 in Fabric).</summary>
    public long AbsoluteMaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A block is cut before it grows past this size; more than zero and at most <see cref="AbsoluteMaxBytes"/>.</summary>
    public long PreferredMaxBytes { get; set; } = 2 * 1024 * 1024;
}
