using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ceiba.Gateway.Api.Accounts;

/// <summary>Whether the default admin is on the ledger yet; <c>/health</c> is unhealthy until it is.</summary>
public sealed class DefaultAdminState : IHealthCheck
{
    private volatile string? _lastProblem = "not checked yet";
    private volatile bool _ready;

    /// <summary>Whether the default admin exists on the ledger.</summary>
    public bool Ready => _ready;

    /// <summary>Records that the default admin exists.</summary>
    public void MarkReady()
    {
        _ready = true;
        _lastProblem = null;
    }

    /// <summary>Records why the default admin could not be checked or created yet.</summary>
    public void MarkProblem(string problem) => _lastProblem = problem;

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ready
            ? HealthCheckResult.Healthy("The default admin is on the ledger.")
            : HealthCheckResult.Unhealthy($"The default admin is not on the ledger yet: {_lastProblem}"));
}
