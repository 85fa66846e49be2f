using Ceiba.Network.Peer.Chaincode;
using Ceiba.Network.Peer.Delivery;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ceiba.Network.Peer.Hosting;

/// <summary>
/// Ready means: every channel joined, pulling from an orderer and within <see cref="MaxLag"/> blocks of
/// the height the orderer has shown, and every chaincode server reachable.
/// </summary>
/// <param name="pullers">The block puller of each joined channel.</param>
/// <param name="chaincodes">The chaincode launcher.</param>
public sealed class PeerReadinessCheck(IReadOnlyList<BlockPuller> pullers, ChaincodeLauncher chaincodes) : IHealthCheck
{
    /// <summary>How many blocks behind the orderer a ready peer may be.</summary>
    public const ulong MaxLag = 5;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var puller in pullers)
        {
            var height = puller.Channel.Ledger.Height;
            if (height == 0)
            {
                problems.Add($"channel {puller.Channel.ChannelId} is not joined");
            }
            else if (!puller.IsConnected)
            {
                problems.Add($"channel {puller.Channel.ChannelId} is not connected to an orderer");
            }
            else if (puller.OrdererHeight > height + MaxLag)
            {
                problems.Add($"channel {puller.Channel.ChannelId} is at height {height}, the orderer at {puller.OrdererHeight}");
            }
        }

        foreach (var chaincode in chaincodes.Chaincodes)
        {
            if (!await chaincodes.ConnectAsync(chaincode, cancellationToken).ConfigureAwait(false))
            {
                problems.Add($"chaincode {chaincode} is not reachable");
            }
        }

        return problems.Count == 0 ? HealthCheckResult.Healthy("ready") : HealthCheckResult.Unhealthy(string.Join("; ", problems));
    }
}
