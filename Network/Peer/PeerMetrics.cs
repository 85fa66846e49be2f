using System.Diagnostics.Metrics;

namespace Ceiba.Network.Peer;

/// <summary>
/// The peer's metrics, named after Fabric's operations metrics: <c>endorser_proposal_duration</c>,
/// <c>ledger_block_processing_time</c>, <c>ledger_blockchain_height</c> and <c>gateway_requests_completed</c>.
/// </summary>
public sealed class PeerMetrics : IDisposable
{
    /// <summary>The meter name; ServiceDefaults exports every <c>Ceiba.*</c> meter.</summary>
    public const string MeterName = "Ceiba.Network.Peer";

    private readonly Meter _meter;
    private readonly Histogram<double> _proposalDuration;
    private readonly Histogram<double> _blockProcessing;
    private readonly Counter<long> _gatewayRequests;
    private readonly KeyValuePair<string, object?> _node;

    /// <summary>Creates the metrics of node <paramref name="nodeName"/>.</summary>
    /// <param name="nodeName">The node name, a tag on every measurement.</param>
    /// <param name="heights">The ledger height of each joined channel, read when the height gauge is observed.</param>
    public PeerMetrics(string nodeName, Func<IEnumerable<(string Channel, ulong Height)>> heights)
    {
        ArgumentNullException.ThrowIfNull(heights);
        _meter = new Meter(MeterName);
        _node = new("node", nodeName);
        _proposalDuration = _meter.CreateHistogram<double>("endorser_proposal_duration", unit: "s", description: "The time to complete a proposal.");
        _blockProcessing = _meter.CreateHistogram<double>("ledger_block_processing_time", unit: "s", description: "The time to validate and commit a block.");
        _gatewayRequests = _meter.CreateCounter<long>("gateway_requests_completed", description: "The number of gateway requests completed, by method and outcome.");
        _meter.CreateObservableGauge(
            "ledger_blockchain_height",
            () => heights().Select(h => new Measurement<long>((long)h.Height, _node, new("channel", h.Channel))),
            description: "The height of the chain in blocks.");
    }

    /// <summary>Records one proposal's processing time.</summary>
    public void ProposalProcessed(string channel, string chaincode, bool success, TimeSpan elapsed) =>
        _proposalDuration.Record(elapsed.TotalSeconds, _node, new("channel", channel), new("chaincode", chaincode), new("success", success));

    /// <summary>Records one block's validation and commit time.</summary>
    public void BlockProcessed(string channel, TimeSpan elapsed) =>
        _blockProcessing.Record(elapsed.TotalSeconds, _node, new("channel", channel));

    /// <summary>Counts one completed gateway request.</summary>
    public void GatewayRequestCompleted(string method, bool success) =>
        _gatewayRequests.Add(1, _node, new("method", method), new("success", success));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
