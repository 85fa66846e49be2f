using System.Text.Json.Serialization;

namespace Ceiba.Chaincode.Contracts.Tests.Contracts;

/// <summary>A complex parameter and return type for serialization and metadata tests.</summary>
internal sealed record Widget
{
    public required string WidgetId { get; init; }

    public int Size { get; init; }

    public string? Colour { get; init; }

    public List<Part> Parts { get; init; } = [];
}

/// <summary>A nested type, which the metadata must list as its own component.</summary>
internal sealed record Part(string Name, double Weight);

/// <summary>The widget contract's source-generated JSON context (snake_case, as the EHR contract uses).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Widget))]
[JsonSerializable(typeof(Widget[]))]
internal sealed partial class WidgetJsonContext : JsonSerializerContext;
