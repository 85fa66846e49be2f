using System.Text;
using Bogus;

namespace Ceiba.LoadTests.Workloads.Data;

/// <summary>
/// Writes Spanish clinical note text of a requested length from sentence templates with drawn vital signs and findings,
/// never longer than the chaincode's limit of 65,536 bytes of UTF-8.
/// </summary>
internal static class NoteTextBuilder
{
    /// <summary>The chaincode's limit on <c>note_text</c>, in bytes of UTF-8.</summary>
    public const int MaxBytes = 64 * 1024;

    public const int MinCharacters = 40;

    private static readonly string[] Complaints =
    [
        "cefalea frontal de dos días de evolución", "tos seca y fiebre de 38 °C", "dolor precordial atípico", "disnea a medianos esfuerzos",
        "dolor lumbar que empeora al caminar", "ardor al orinar y polaquiuria", "mareos al incorporarse", "control de su enfermedad crónica",
    ];

    private static readonly string[] Findings =
    [
        "Mucosas húmedas y normocoloreadas.", "Murmullo vesicular conservado, no estertores.", "Ruidos cardíacos rítmicos, no soplos.",
        "Abdomen suave, depresible, no doloroso.", "No edemas en miembros inferiores.", "Sistema nervioso sin focalización motora.",
        "Faringe hiperémica sin exudados.", "Puño percusión lumbar negativa.",
    ];

    private static readonly string[] Plans =
    [
        "Se indica dieta hiposódica y ejercicio físico moderado.", "Se orienta acudir a su consultorio del médico de la familia en una semana.",
        "Se solicitan hemograma, glucemia y creatinina.", "Se ajusta la dosis del tratamiento antihipertensivo.",
        "Se explican signos de alarma y se orienta regresar si empeora.", "Se interconsulta con Cardiología.",
        "Se mantiene el tratamiento habitual.", "Se indica radiografía de tórax.",
    ];

    /// <summary>Builds a note of about <paramref name="characters"/> characters (exactly that many unless the UTF-8 cap cuts it).</summary>
    public static string Build(Randomizer random, int characters)
    {
        ArgumentNullException.ThrowIfNull(random);
        characters = Math.Clamp(characters, MinCharacters, MaxBytes);
        var text = new StringBuilder(characters + 200);
        text.Append("Paciente que acude por ").Append(random.ArrayElement(Complaints)).Append(". ");
        while (text.Length < characters)
        {
            text.Append("TA ").Append(random.Int(100, 180)).Append('/').Append(random.Int(60, 110)).Append(" mmHg, FC ")
                .Append(random.Int(55, 110)).Append(" lpm, FR ").Append(random.Int(12, 24)).Append(" rpm. ")
                .Append(random.ArrayElement(Findings)).Append(' ')
                .Append(random.ArrayElement(Findings)).Append(' ')
                .Append(random.ArrayElement(Plans)).Append(' ');
        }

        text.Length = characters;
        var result = text.ToString().TrimEnd();
        return Encoding.UTF8.GetByteCount(result) <= MaxBytes ? result : TrimToBytes(result, MaxBytes);
    }

    private static string TrimToBytes(string text, int maxBytes)
    {
        var length = text.Length;
        while (Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > maxBytes)
        {
            length -= Math.Max(1, (Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) - maxBytes) / 2);
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }
}
