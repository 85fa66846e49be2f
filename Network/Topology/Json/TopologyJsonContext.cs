using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ceiba.Network.Topology.Json;

/// <summary>
/// The source-generated System.Text.Json context for topology files: camelCase, comments and trailing commas allowed,
/// unknown properties and nulls for non-nullable members rejected, so a typo cannot pass silently.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    IndentSize = 2)]
[JsonSerializable(typeof(NetworkTopology))]
internal sealed partial class TopologyJsonContext : JsonSerializerContext;
