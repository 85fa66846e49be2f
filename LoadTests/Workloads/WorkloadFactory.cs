using Ceiba.LoadTests.Scenarios;
using Ceiba.LoadTests.Workloads.Clients;
using Ceiba.LoadTests.Workloads.Data;
using Ceiba.LoadTests.Workloads.GatewayTarget;
using Ceiba.LoadTests.Workloads.HttpTarget;

namespace Ceiba.LoadTests.Workloads;

/// <summary>Builds the workload a scenario names, for the target it names.</summary>
public static class WorkloadFactory
{
    /// <summary>
    /// Reads the network's layout, connects one client per hospital, prepares the ledger (doctor accounts, a few
    /// patients per hospital) and, for the gateway target, starts the commit@threshold observer.
    /// </summary>
    /// <exception cref="ArgumentException">The scenario names an unknown flow, or the HTTP target lacks its address or admin credentials.</exception>
    /// <exception cref="InvalidDataException">The network directory is not the output of <c>network generate</c>.</exception>
    /// <exception cref="InvalidOperationException">The setup transactions failed; the message says which.</exception>
    public static async Task<IWorkload> CreateAsync(WorkloadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Scenario);
        ArgumentNullException.ThrowIfNull(request.Metrics);
        var unknown = request.Scenario.Mix.Select(m => m.Flow).Where(f => !Flows.FlowNames.All.Contains(f, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"mix: unknown flow(s) {string.Join(", ", unknown.Select(f => $"'{f}'"))}; expected one of: {string.Join(", ", Flows.FlowNames.All)}.", nameof(request));
        }

        var layout = NetworkLayout.Load(request.NetworkDirectory);
        var ids = IdAllocator.ForNow();
        return request.Scenario.Target switch
        {
            ScenarioTarget.Gateway => await GatewayWorkload.CreateAsync(request.Scenario, layout, request.Metrics, ids, cancellationToken).ConfigureAwait(false),
            ScenarioTarget.Http => await HttpWorkload.CreateAsync(request, layout, ids, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"target: unsupported value {request.Scenario.Target}; expected gateway or http.", nameof(request)),
        };
    }
}
