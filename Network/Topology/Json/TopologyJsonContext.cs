using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ceiba.Network.Topology.Json;

/// <summary>
/// The source-generated System.Text.Json context for topology files: camelCase, comments and trailing commas allowed,
/// unknown properties and nulls for non-nullable members rejected, so a typo cannot pass silently.
/// </summary>
/// <remarks>
/// Model rule: required properties are <c>init</c>; optional properties whose default is not the type's default
/// (<c>batch</c>, <c>maxMessageCount = 500</c>, ...) are <c>set</c>. The source generator passes <c>default</c> for
/// every init-only property missing from the JSON, which would wipe those defaults (dotnet/runtime#84484); settable
/// properties are only assigned when present.
/// </remarks>
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
