namespace Ceiba.LoadTests.Metrics.Resources;

/// <summary>Combines the probes of one run: the load generator itself plus the network's nodes.</summary>
public sealed class ResourceSampler(IReadOnlyList<IResourceProbe> probes) : IDisposable
{
    /// <summary>
    /// The probes for a runtime: <c>embedded</c> scans /proc for the nodes of <paramref name="networkDirectory"/>,
    /// <c>fabric</c> asks docker. The load generator is always included.
    /// </summary>
    public static ResourceSampler ForRuntime(string runtime, string networkDirectory) =>
        new(runtime == "fabric"
            ? [new ClientProcessProbe(), new DockerStatsProbe(TimeSpan.FromSeconds(5))]
            : [new ClientProcessProbe(), new EmbeddedNodeProbe(networkDirectory)]);

    public IReadOnlyList<string> Describe() => probes.Select(probe => probe.Describe()).ToList();

    public IReadOnlyList<ResourceReading> Sample() => probes.SelectMany(probe => probe.Sample()).ToList();

    public void Dispose()
    {
        foreach (var probe in probes.OfType<IDisposable>())
        {
            probe.Dispose();
        }
    }
}
