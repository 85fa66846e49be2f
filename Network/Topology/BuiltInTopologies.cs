namespace Ceiba.Network.Topology;

/// <summary>
/// The topologies shipped in <c>Network/topologies</c>: found next to the app (<c>{AppContext.BaseDirectory}/topologies</c>,
/// where the Node project copies them) or, failing that, in the source tree above the app.
/// </summary>
public static class BuiltInTopologies
{
    /// <summary>The thesis prototype: one org (La Habana), one peer, one CA, a single-node Raft orderer.</summary>
    public const string Seed = "seed";

    /// <summary>Three provinces (La Habana, Villa Clara, Santiago de Cuba), two hospitals each, three Raft orderers.</summary>
    public const string Cuba3 = "cuba-3";

    /// <summary>All 16 provinces with about 152 hospitals and five Raft orderers.</summary>
    public const string CubaNational = "cuba-national";

    /// <summary>The topology used when none is named: <see cref="Cuba3"/>.</summary>
    public const string Default = Cuba3;

    /// <summary>The built-in names, smallest first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Seed, Cuba3, CubaNational];

    /// <summary>The full path of built-in topology <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a built-in name.</exception>
    /// <exception cref="FileNotFoundException">The file is neither next to the app nor in a source tree above it.</exception>
    public static string GetPath(string name) => GetPath(name, AppContext.BaseDirectory);

    /// <summary>Loads and validates built-in topology <paramref name="name"/>.</summary>
    public static NetworkTopology Load(string name) => TopologyLoader.Load(GetPath(name));

    /// <summary>As <see cref="GetPath(string)"/>, searching from <paramref name="baseDirectory"/>.</summary>
    internal static string GetPath(string name, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(baseDirectory);
        var known = Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"\"{name}\" is not a built-in topology; expected one of {string.Join(", ", Names)}.", nameof(name));
        var fileName = known + ".json";
        var beside = Path.Combine(baseDirectory, "topologies", fileName);
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var inTree = Path.Combine(dir.FullName, "Network", "topologies", fileName);
            if (File.Exists(inTree))
            {
                return inTree;
            }
        }
        throw new FileNotFoundException(
            $"Built-in topology {fileName} is neither in {Path.Combine(baseDirectory, "topologies")} nor in a Network/topologies folder above {baseDirectory}.",
            fileName);
    }
}
