using Ceiba.Network.Topology;
using Ceiba.Network.Topology.Generation;

namespace Ceiba.Network.Node.Tests.Generate;

/// <summary>One cuba-3 network generated for the whole test class: generation is the expensive part.</summary>
public sealed class GeneratedNetworkFixture : IDisposable
{
    public GeneratedNetworkFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ceiba-generate-" + Guid.NewGuid().ToString("N"));
        Result = NetworkGenerator.Generate(BuiltInTopologies.Cuba3, Directory);
    }

    public string Directory { get; }

    public GenerationResult Result { get; }

    public NetworkTopology Topology => Result.Topology;

    public string Full(string relative) => Path.Combine(Directory, relative);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
