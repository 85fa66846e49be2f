using Ceiba.Network.Topology.Generation;

[assembly: AssemblyFixture(typeof(Ceiba.AppHost.Tests.Fabric.GeneratedNetworks))]

namespace Ceiba.AppHost.Tests.Fabric;

/// <summary>The shipped seed and cuba-3 topologies, generated once per test run into temp folders.</summary>
public sealed class GeneratedNetworks : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ceiba-fabricrt-").FullName;

    public GeneratedNetworks()
    {
        Seed = NetworkGenerator.Generate("seed", Path.Combine(_root, "seed"));
        Cuba3 = NetworkGenerator.Generate("cuba-3", Path.Combine(_root, "cuba-3"));
    }

    public GenerationResult Seed { get; }

    public GenerationResult Cuba3 { get; }

    /// <summary>The network generated from <paramref name="topology"/> (<c>seed</c> or <c>cuba-3</c>).</summary>
    public GenerationResult Get(string topology) => topology switch
    {
        "seed" => Seed,
        "cuba-3" => Cuba3,
        _ => throw new ArgumentOutOfRangeException(nameof(topology), topology, "expected seed or cuba-3"),
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder.
        }
    }
}
