using System.Text.Json;

namespace Ceiba.Network.Topology.Generation;

internal static class JsonOptions
{
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };
}
