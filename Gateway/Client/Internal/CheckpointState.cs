using System.Text.Json.Serialization;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>The JSON shape of a checkpoint file.</summary>
internal sealed record CheckpointState(ulong? BlockNumber, string? TransactionId);

/// <summary>Source-generated JSON for <see cref="CheckpointState"/>: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckpointState))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
