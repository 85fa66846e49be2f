namespace Ceiba.Network.Topology;

/// <summary>One-way delay to add to traffic on a link.</summary>
public sealed record LinkProfile
{
    /// <summary>Added delay in milliseconds; zero or more.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Random variation of the delay in milliseconds (±); zero or more.</summary>
    public int JitterMs { get; init; }
}
