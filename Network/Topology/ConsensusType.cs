using System.Text.Json.Serialization;
using Ceiba.Network.Topology.Json;

namespace Ceiba.Network.Topology;

/// <summary>The ordering service's consensus type, written <c>"raft"</c> (or Fabric's <c>"etcdraft"</c>) or <c>"solo"</c> in a topology file.</summary>
[JsonConverter(typeof(ConsensusTypeJsonConverter))]
public enum ConsensusType
{
    /// <summary>etcdraft: crash fault tolerant, one node or more (Fabric 2.5's choice).</summary>
    Raft,

    /// <summary>A single node with no consensus, deprecated in Fabric 2.x; exactly one node.</summary>
    Solo,
}
