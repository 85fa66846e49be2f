namespace Ceiba.Network.Msp;

/// <summary>
/// The place named in certificate subjects (C, ST, L), as cryptogen's <c>CA.Country</c>,
/// <c>Province</c> and <c>Locality</c>. A CA stamps its own location on every certificate it issues.
/// </summary>
/// <param name="Country">Two-letter ISO 3166 country code.</param>
/// <param name="Province">State or province (ST).</param>
/// <param name="Locality">City or locality (L).</param>
public sealed record SubjectLocation(string Country, string Province, string Locality)
{
    /// <summary>Cuba, La Habana: the default for Ceiba's networks.</summary>
    public static SubjectLocation Default { get; } = new("CU", "La Habana", "La Habana");
}
