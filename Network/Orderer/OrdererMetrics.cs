using System.Diagnostics.Metrics;

namespace Ceiba.Network.Orderer;

/// <summary>
/// The orderer's metrics, named after Fabric's orderer operations metrics, on the meter
/// <see cref="MeterName"/>. OpenTelemetry (ServiceDefaults) exports them by that name.
/// </summary>
public sealed class OrdererMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Ceiba.Network.Orderer";

    private readonly Meter _meter;
    private readonly Counter<long> _processed;
    private readonly Histogram<double> _validateDuration;
    private readonly Histogram<double> _blockFillDuration;

    /// <summary>Creates the instruments; <paramref name="isLeader"/> and <paramref name="committedBlock"/> are observed on collection.</summary>
    /// <param name="nodeName">The node name, tagged on every measurement (several nodes may share a process in tests).</param>
    /// <param name="isLeader">1 when this node is the Raft leader.</param>
    /// <param name="committedBlock">The last committed block number per channel.</param>
    public OrdererMetrics(string nodeName, Func<bool> isLeader, Func<IEnumerable<(string Channel, long Number)>> committedBlock)
    {
        ArgumentNullException.ThrowIfNull(isLeader);
        ArgumentNullException.ThrowIfNull(committedBlock);
        _meter = new Meter(MeterName);
        var node = new KeyValuePair<string, object?>("node", nodeName);
        _processed = _meter.CreateCounter<long>("broadcast_processed_count", description: "The number of transactions processed, by channel, type and status.");
        _validateDuration = _meter.CreateHistogram<double>("broadcast_validate_duration", unit: "s", description: "The time to validate a transaction.");
        _blockFillDuration = _meter.CreateHistogram<double>("blockcutter_block_fill_duration", unit: "s", description: "The time from the first transaction enqueued to the block being cut.");
        _meter.CreateObservableGauge("consensus_etcdraft_is_leader", () => new Measurement<int>(isLeader() ? 1 : 0, node), description: "1 when this node is the Raft leader.");
        _meter.CreateObservableGauge(
            "consensus_etcdraft_committed_block_number",
            () => committedBlock().Select(c => new Measurement<long>(c.Number, node, new("channel", c.Channel))),
            description: "The block number of the latest committed block.");
        Node = node;
    }

    private KeyValuePair<string, object?> Node { get; }

    /// <summary>Counts one processed envelope.</summary>
    public void Processed(string channel, string type, int status) =>
        _processed.Add(1, Node, new("channel", channel), new("type", type), new("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Records how long validating one envelope took.</summary>
    public void Validated(string channel, TimeSpan elapsed) =>
        _validateDuration.Record(elapsed.TotalSeconds, Node, new("channel", channel));

    /// <summary>Records how long a block took to fill.</summary>
    public void BlockFilled(string channel, TimeSpan elapsed) =>
        _blockFillDuration.Record(elapsed.TotalSeconds, Node, new("channel", channel));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
