namespace Ceiba.Network.Topology;

/// <summary>The link between two organizations, in both directions.</summary>
public sealed record LinkPair
{
    /// <summary>One end: a peer organization's name, or the orderer organization's.</summary>
    public required string From { get; init; }

    /// <summary>The other end.</summary>
    public required string To { get; init; }

    /// <summary>Added delay in milliseconds; zero or more.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Random variation of the delay in milliseconds (±); zero or more.</summary>
    public int JitterMs { get; init; }

    /// <summary>Whether this pair joins <paramref name="a"/> and <paramref name="b"/>, in either direction.</summary>
    public bool Connects(string a, string b) =>
        (Is(From, a) && Is(To, b)) || (Is(From, b) && Is(To, a));

    private static bool Is(string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);
}
