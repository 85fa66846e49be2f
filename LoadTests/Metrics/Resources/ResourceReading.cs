namespace Ceiba.LoadTests.Metrics.Resources;

/// <summary>One process's or container's resource use at one moment.</summary>
/// <param name="Name">The node's resource name (<c>peer0-havana</c>), <c>load-generator</c>, or a container name.</param>
/// <param name="Kind"><c>client</c>, <c>peer</c>, <c>orderer</c>, <c>chaincode</c>, <c>api</c> or <c>container</c>.</param>
/// <param name="CpuPercent">CPU use since the previous reading, in percent of one core (200 = two cores busy).</param>
/// <param name="RssBytes">Resident memory.</param>
public sealed record ResourceReading(string Name, string Kind, double CpuPercent, long RssBytes);

/// <summary>A source of resource readings; each call returns what it sees now.</summary>
public interface IResourceProbe
{
    /// <summary>What the probe watches, for the report (e.g. "embedded nodes: 5 processes found").</summary>
    string Describe();

    IReadOnlyList<ResourceReading> Sample();
}
