namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>A diagnosis the generator draws: SNOMED standard concept, ICD-10 source code, Spanish label, relative weight, chronic or acute.</summary>
internal sealed record ConditionEntry(int ConceptId, string Icd10, string Label, double Weight, bool Chronic);

/// <summary>A drug the generator draws: RxNorm ingredient concept, Spanish label, usual directions, oral or not, relative weight.</summary>
internal sealed record DrugEntry(int ConceptId, string Label, string Sig, bool Oral, double Weight);

/// <summary>
/// The small clinical vocabulary of the synthetic data: the chronic diseases that dominate Cuban primary care
/// (hypertension, diabetes, asthma, heart disease) and common acute complaints, and the drugs prescribed for them.
/// Weights are rough shares, good enough to make record contents and sizes vary realistically.
/// </summary>
internal static class ClinicalVocabulary
{
    public static IReadOnlyList<ConditionEntry> Conditions { get; } =
    [
        new(320128, "I10", "Hipertensión arterial esencial", 30, Chronic: true),
        new(201826, "E11.9", "Diabetes mellitus tipo 2", 12, Chronic: true),
        new(317009, "J45.9", "Asma bronquial", 9, Chronic: true),
        new(432867, "E78.5", "Hiperlipidemia", 7, Chronic: true),
        new(317576, "I25.10", "Cardiopatía isquémica", 6, Chronic: true),
        new(255573, "J44.9", "Enfermedad pulmonar obstructiva crónica", 4, Chronic: true),
        new(80180, "M19.90", "Osteoartritis", 5, Chronic: true),
        new(440383, "F32.9", "Trastorno depresivo", 3, Chronic: true),
        new(257011, "J06.9", "Infección respiratoria aguda alta", 12, Chronic: false),
        new(255848, "J18.9", "Neumonía", 3, Chronic: false),
        new(81902, "N39.0", "Infección del tracto urinario", 5, Chronic: false),
        new(194133, "M54.5", "Lumbalgia", 4, Chronic: false),
    ];

    public static IReadOnlyList<DrugEntry> Drugs { get; } =
    [
        new(1341927, "Enalapril 20 mg", "1 tableta cada 12 horas", Oral: true, 16),
        new(974166, "Hidroclorotiazida 25 mg", "1 tableta diaria en la mañana", Oral: true, 10),
        new(1332418, "Amlodipino 10 mg", "1 tableta diaria", Oral: true, 6),
        new(1340128, "Captopril 25 mg", "1 tableta cada 8 horas", Oral: true, 6),
        new(1503297, "Metformina 500 mg", "1 tableta con desayuno y comida", Oral: true, 10),
        new(1545958, "Atorvastatina 20 mg", "1 tableta en la noche", Oral: true, 5),
        new(1112807, "Aspirina 125 mg", "1 tableta diaria después del almuerzo", Oral: true, 8),
        new(1154343, "Salbutamol aerosol", "2 inhalaciones cada 6 horas si falta de aire", Oral: false, 6),
        new(1551099, "Prednisona 5 mg", "2 tabletas diarias por 5 días", Oral: true, 3),
        new(1713332, "Amoxicilina 500 mg", "1 cápsula cada 8 horas por 7 días", Oral: true, 9),
        new(1125315, "Paracetamol 500 mg", "1 tableta cada 6 horas si dolor o fiebre", Oral: true, 7),
        new(1177480, "Ibuprofeno 400 mg", "1 tableta cada 8 horas con alimentos", Oral: true, 4),
        new(923645, "Omeprazol 20 mg", "1 cápsula en ayunas", Oral: true, 5),
    ];

    public static IReadOnlyList<string> Specialties { get; } =
    [
        "Medicina General Integral", "Medicina Interna", "Cardiología", "Pediatría", "Cirugía General", "Ginecobstetricia",
        "Neumología", "Endocrinología",
    ];

    public static double[] ConditionWeights { get; } = SeededRandom.Cumulative(Conditions.Select(c => c.Weight));

    public static double[] DrugWeights { get; } = SeededRandom.Cumulative(Drugs.Select(d => d.Weight));
}
