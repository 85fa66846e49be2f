using System.Globalization;

namespace Ceiba.Network.Topology.Generation.ChannelConfig;

/// <summary>Formats a duration the way Go's time.ParseDuration reads it, as Fabric's config values expect ("2s", "500ms").</summary>
public static class FabricDuration
{
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A Fabric duration must be greater than zero.");
        }
        var milliseconds = duration.TotalMilliseconds;
        if (milliseconds % 1000 == 0)
        {
            return ((long)(milliseconds / 1000)).ToString(CultureInfo.InvariantCulture) + "s";
        }
        if (milliseconds % 1 == 0)
        {
            return ((long)milliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }
        return ((long)(duration.Ticks / 10)).ToString(CultureInfo.InvariantCulture) + "us";
    }
}
