namespace Ceiba.Network.Topology;

/// <summary>An application channel and its member organizations.</summary>
public sealed record ChannelDefinition
{
    /// <summary>The channel name, e.g. <c>ehr</c>; Fabric's rule: lower case, starting with a letter, [a-z0-9.-].</summary>
    public required string Name { get; init; }

    /// <summary>The names of the member peer organizations; at least one.</summary>
    public required IReadOnlyList<string> Orgs { get; init; }
}
