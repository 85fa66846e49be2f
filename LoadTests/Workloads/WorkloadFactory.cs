namespace Ceiba.LoadTests.Workloads;

/// <summary>Builds the workload a scenario names, for the target it names.</summary>
public static class WorkloadFactory
{
    // Replaced by the workloads work of the LoadTests issue; until then no flow exists, and saying so is the honest answer.
    public static Task<IWorkload> CreateAsync(WorkloadRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("No workloads are built yet.");
}
