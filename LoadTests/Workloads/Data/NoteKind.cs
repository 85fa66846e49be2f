namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>
/// A kind of clinical note and the log-normal distribution of its length in characters: most notes are short progress
/// notes of one to two thousand characters, and a long tail of admission notes and discharge summaries reaches tens of
/// kilobytes (the shape reported for hospital note corpora such as MIMIC). The median is e^μ.
/// </summary>
internal sealed record NoteKind(string Title, string SourceValue, double MedianCharacters, double Sigma, double Weight)
{
    public static IReadOnlyList<NoteKind> All { get; } =
    [
        new("Nota de evolución", "evolucion", 1_200, 0.7, 70),
        new("Nota de urgencias", "urgencias", 900, 0.6, 15),
        new("Historia clínica de ingreso", "ingreso", 4_000, 0.6, 8),
        new("Resumen de alta", "alta", 6_000, 0.7, 7),
    ];

    public static double[] Weights { get; } = SeededRandom.Cumulative(All.Select(k => k.Weight));

    /// <summary>A length drawn from this kind's log-normal distribution (Box–Muller on two uniforms).</summary>
    public int DrawLength(double unit1, double unit2)
    {
        var normal = Math.Sqrt(-2.0 * Math.Log(1.0 - unit1)) * Math.Cos(2.0 * Math.PI * unit2);
        var length = MedianCharacters * Math.Exp(Sigma * normal);
        return (int)Math.Clamp(length, NoteTextBuilder.MinCharacters, NoteTextBuilder.MaxBytes);
    }
}
