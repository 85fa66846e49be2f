using Ceiba.Network.Orderer.Consensus;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ceiba.Network.Orderer.Hosting;

/// <summary>Ready when the node serves and is part of a Raft quorum with a known leader (a single node always is).</summary>
internal sealed class OrdererReadinessCheck(IBlockConsensus consensus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(consensus.IsReady
            ? HealthCheckResult.Healthy(consensus.IsLeader ? "serving; Raft leader" : "serving; Raft follower in quorum")
            : HealthCheckResult.Unhealthy("no Raft leader or not in the quorum"));
}
