using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Gates;

namespace Ceiba.LoadTests.Reports;

/// <summary>The whole of <c>results.json</c>: what ran, where, and what it measured. Documented in LoadTests/README.md.</summary>
public sealed record RunReport(
    int SchemaVersion,
    ScenarioInfo Scenario,
    string Runtime,
    TopologyInfo Topology,
    string Workload,
    MachineInfo Machine,
    IReadOnlyList<double> LoadAverageAtEnd,
    RunResult Result,
    IReadOnlyList<GateCheck> Gates)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>True when every gate held.</summary>
    public bool GatesPassed => Gates.All(gate => gate.Passed);
}

/// <summary>The scenario that ran; <see cref="File"/> is its copy in the report directory.</summary>
public sealed record ScenarioInfo(string Name, string? Description, string Target, string Model, int Seed, string File);

/// <summary>The network the run went to; <see cref="File"/> is the topology's copy in the report directory, when found.</summary>
public sealed record TopologyInfo(string Name, string NetworkDirectory, string? File);
