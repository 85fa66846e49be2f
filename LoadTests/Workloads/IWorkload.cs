using Ceiba.LoadTests.Engine;

namespace Ceiba.LoadTests.Workloads;

/// <summary>
/// The flows of one scenario, connected to one network and ready to run: clients per hospital, seeded data,
/// and any observers (such as block listeners for <c>commit@threshold</c>). Disposing closes the connections.
/// </summary>
public interface IWorkload : IAsyncDisposable
{
    IFlowSource Flows { get; }

    /// <summary>The province codes of the clients, in the order the report lists them.</summary>
    IReadOnlyList<string> Provinces { get; }

    /// <summary>One line for the report: the target, the clients and the data set, e.g. "gateway: 3 orgs, 6 hospitals, 600 persons preloaded".</summary>
    string Description { get; }
}

/// <summary>What a workload needs to connect to a running network.</summary>
/// <param name="Scenario">The scenario whose <c>mix</c> names the flows.</param>
/// <param name="NetworkDirectory">The output root of <c>network generate</c>: connection profiles, MSP folders, topology.</param>
/// <param name="Metrics">Where flows and observers report.</param>
/// <param name="ApiBaseAddress">Gateway.Api's base address, for <c>target: http</c>.</param>
/// <param name="ApiAdminEmail">The API's default admin, used to create the doctors the HTTP sessions log in as.</param>
/// <param name="ApiAdminPassword">That admin's password.</param>
public sealed record WorkloadRequest(
    Scenarios.ScenarioDefinition Scenario,
    string NetworkDirectory,
    IMetricsSink Metrics,
    Uri? ApiBaseAddress = null,
    string? ApiAdminEmail = null,
    string? ApiAdminPassword = null);
