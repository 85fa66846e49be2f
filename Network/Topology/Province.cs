namespace Ceiba.Network.Topology;

/// <summary>A Cuban province by its two-digit code and official name, e.g. <c>03</c> La Habana.</summary>
/// <remarks>The codes fit OMOP's LOCATION.state; <see cref="CubanProvinces"/> lists the valid ones.</remarks>
public sealed record Province
{
    /// <summary>The two-digit province code: 01, 03–16, or 99 for the Isla de la Juventud.</summary>
    public required string Code { get; init; }

    /// <summary>The province's official name, e.g. <c>Santiago de Cuba</c>.</summary>
    public required string Name { get; init; }
}
