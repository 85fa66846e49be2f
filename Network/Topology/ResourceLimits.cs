namespace Ceiba.Network.Topology;

/// <summary>Per-node limits, to model modest hardware; either one may be left out.</summary>
public sealed record ResourceLimits
{
    /// <summary>CPU cores (fractions allowed, e.g. 0.5); more than zero when given.</summary>
    public double? Cpus { get; init; }

    /// <summary>Memory in MiB; more than zero when given.</summary>
    public int? MemoryMb { get; init; }
}
