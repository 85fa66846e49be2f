using System.Text;

namespace Ceiba.Network.Topology.Generation;

/// <summary>What <see cref="NetworkGenerator"/> wrote.</summary>
public sealed record GenerationResult(
    string OutputDirectory,
    NetworkTopology Topology,
    int IdentitiesGenerated,
    int IdentitiesReused,
    IReadOnlyList<string> GenesisBlocks,
    IReadOnlyList<string> GenesisBlocksKept,
    IReadOnlyList<string> NodeConfigs,
    IReadOnlyList<string> ConnectionProfiles)
{
    /// <summary>A short human-readable summary for the console.</summary>
    public string Describe()
    {
        var text = new StringBuilder()
            .AppendLine($"Generated network '{Topology.Name}' in {OutputDirectory}")
            .AppendLine($"  identities: {IdentitiesGenerated} new, {IdentitiesReused} kept")
            .AppendLine($"  genesis blocks: {string.Join(", ", GenesisBlocks)}{(GenesisBlocksKept.Count > 0 ? $" (unchanged: {string.Join(", ", GenesisBlocksKept)})" : "")}")
            .AppendLine($"  node configs: {NodeConfigs.Count} in nodes/")
            .Append($"  connection profiles: {string.Join(", ", ConnectionProfiles)}");
        return text.ToString();
    }
}
