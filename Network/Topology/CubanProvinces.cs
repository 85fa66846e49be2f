namespace Ceiba.Network.Topology;

/// <summary>Cuba's 15 provinces and the special municipality Isla de la Juventud, with their two-digit codes.</summary>
public static class CubanProvinces
{
    /// <summary>All sixteen, ordered west to east with the Isla de la Juventud last.</summary>
    public static IReadOnlyList<Province> All { get; } =
    [
        New("01", "Pinar del Río"),
        New("15", "Artemisa"),
        New("03", "La Habana"),
        New("16", "Mayabeque"),
        New("04", "Matanzas"),
        New("06", "Cienfuegos"),
        New("05", "Villa Clara"),
        New("07", "Sancti Spíritus"),
        New("08", "Ciego de Ávila"),
        New("09", "Camagüey"),
        New("10", "Las Tunas"),
        New("11", "Holguín"),
        New("12", "Granma"),
        New("13", "Santiago de Cuba"),
        New("14", "Guantánamo"),
        New("99", "Isla de la Juventud"),
    ];

    /// <summary>The province with code <paramref name="code"/>, or null when Cuba has no such code.</summary>
    public static Province? FindByCode(string? code) => All.FirstOrDefault(p => p.Code == code);

    private static Province New(string code, string name) => new() { Code = code, Name = name };
}
