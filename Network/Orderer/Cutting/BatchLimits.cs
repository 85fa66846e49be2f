using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology;
using OrdererProtos = Ceiba.Network.Protos.Orderer;

namespace Ceiba.Network.Orderer.Cutting;

/// <summary>The block-cutting settings of a channel's Orderer group: BatchSize and BatchTimeout.</summary>
/// <param name="MaxMessageCount">Cut when this many messages are pending.</param>
/// <param name="AbsoluteMaxBytes">Reject a message larger than this (payload + signature).</param>
/// <param name="PreferredMaxBytes">Aim for batches no larger than this; a larger message goes alone.</param>
/// <param name="BatchTimeout">Cut this long after the first pending message arrived.</param>
public sealed record BatchLimits(uint MaxMessageCount, uint AbsoluteMaxBytes, uint PreferredMaxBytes, TimeSpan BatchTimeout)
{
    /// <summary>Reads BatchSize and BatchTimeout from the channel's root config group.</summary>
    /// <exception cref="InvalidOperationException">The config has no Orderer group or no batch values.</exception>
    public static BatchLimits FromConfig(ConfigGroup channelGroup)
    {
        ArgumentNullException.ThrowIfNull(channelGroup);
        if (!channelGroup.Groups.TryGetValue("Orderer", out var orderer)
            || !orderer.Values.TryGetValue("BatchSize", out var sizeValue)
            || !orderer.Values.TryGetValue("BatchTimeout", out var timeoutValue))
        {
            throw new InvalidOperationException("the channel config has no /Channel/Orderer BatchSize and BatchTimeout values");
        }

        var size = OrdererProtos.BatchSize.Parser.ParseFrom(sizeValue.Value);
        var timeout = OrdererProtos.BatchTimeout.Parser.ParseFrom(timeoutValue.Value);
        return new BatchLimits(size.MaxMessageCount, size.AbsoluteMaxBytes, size.PreferredMaxBytes, DurationText.Parse(timeout.Timeout));
    }
}
