using Ceiba.LoadTests.Metrics;
using Ceiba.LoadTests.Metrics.Resources;
using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Engine;

/// <summary>What <see cref="LoadRunner.RunAsync"/> needs: the scenario's load profile and bounds, the flows, and the recorder the flows report to.</summary>
/// <param name="Scenario">Load profile, warm-up, bounds and transaction timeout.</param>
/// <param name="Flows">The workload's flow mix.</param>
/// <param name="Metrics">The recorder the workload's flows were given as their sink.</param>
public sealed record LoadRunOptions(ScenarioDefinition Scenario, IFlowSource Flows, MetricsRecorder Metrics)
{
    /// <summary>Resource probes sampled once per interval; null samples nothing.</summary>
    public ResourceSampler? Resources { get; init; }

    /// <summary>Called once per interval with live figures (from the sampler's task).</summary>
    public Action<ProgressUpdate>? Progress { get; init; }

    /// <summary>
    /// The most flows that may run at once. An open-model arrival that finds every slot taken waits for one, and the
    /// wait is recorded as schedule lag, so an overloaded generator is visible rather than hidden.
    /// </summary>
    public int MaxInFlight { get; init; } = 10_000;

    /// <summary>The width of one interval of the per-interval series.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);
}
