namespace Ceiba.Network.Topology;

/// <summary>A hospital served by an organization. Its id becomes a certificate attribute of its users.</summary>
public sealed record Hospital
{
    /// <summary>A short id, e.g. <c>hab-ameijeiras</c>: a lower-case DNS label, unique across the topology.</summary>
    public required string Id { get; init; }

    /// <summary>The hospital's name, e.g. <c>Hospital Clínico Quirúrgico Hermanos Ameijeiras</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The number of beds; more than zero. Workloads may scale a hospital's share of records by it.</summary>
    public required int Beds { get; init; }

    /// <summary>How many users of each role to enroll for the hospital.</summary>
    public HospitalUsers Users { get; set; } = new();
}
