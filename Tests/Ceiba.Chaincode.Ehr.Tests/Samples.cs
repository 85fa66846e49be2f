using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Tests;

/// <summary>Valid records (with OMOP concept ids from OMOP-FACTS) and their JSON arguments.</summary>
internal static class Samples
{
    public static Person Person(long id) => new()
    {
        PersonId = id,
        GenderConceptId = 8532,
        YearOfBirth = 1984,
        MonthOfBirth = 2,
        DayOfBirth = 29,
        RaceConceptId = 1546847,
        EthnicityConceptId = 38003563,
        CareSiteId = 301,
        Province = "03",
        RaceSourceValue = "mestiza",
    };

    public static VisitOccurrence Visit(long id, long personId) => new()
    {
        VisitOccurrenceId = id,
        PersonId = personId,
        VisitConceptId = 9202,
        VisitStartDate = "2025-03-10",
        VisitEndDate = "2025-03-10",
        VisitTypeConceptId = 32827,
        CareSiteId = 301,
    };

    public static ConditionOccurrence Condition(long id, long personId, long? visitId = null) => new()
    {
        ConditionOccurrenceId = id,
        PersonId = personId,
        ConditionConceptId = 320128,
        ConditionStartDate = "2025-03-10",
        ConditionTypeConceptId = 32827,
        VisitOccurrenceId = visitId,
        ConditionSourceValue = "I10",
    };

    public static DrugExposure Drug(long id, long personId, long? visitId = null) => new()
    {
        DrugExposureId = id,
        PersonId = personId,
        DrugConceptId = 1308216,
        DrugExposureStartDate = "2025-03-10",
        DrugExposureEndDate = "2025-04-09",
        DrugTypeConceptId = 32838,
        DaysSupply = 30,
        Quantity = 30,
        LotNumber = "L-2025-0042",
        VisitOccurrenceId = visitId,
    };

    public static Note Note(long id, long personId, long? visitId = null) => new()
    {
        NoteId = id,
        PersonId = personId,
        NoteDate = "2025-03-10",
        NoteTypeConceptId = 32817,
        NoteClassConceptId = 706391,
        NoteTitle = "Consulta",
        NoteText = "Paciente con cefalea; se indica control de tensión arterial.",
        EncodingConceptId = 32678,
        LanguageConceptId = 4182511,
        VisitOccurrenceId = visitId,
    };

    public static Admin Admin(string id, string email) => new()
    {
        AdminId = id,
        FirstName = "Ana",
        LastName = "Pérez",
        Email = email,
        PasswordHash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA",
        Hospital = "Hospital Hermanos Ameijeiras",
        Province = "03",
    };

    public static Doctor Doctor(string id, string email) => new()
    {
        DoctorId = id,
        FirstName = "Luis",
        LastName = "García",
        Email = email,
        PasswordHash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$b3Rybw",
        Specialty = "Cardiología",
        Hospital = "Hospital Hermanos Ameijeiras",
        Province = "03",
    };

    public static string Json<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);

    public static string Json(Person value) => Json(value, EhrJsonContext.Default.Person);

    public static string Json(VisitOccurrence value) => Json(value, EhrJsonContext.Default.VisitOccurrence);

    public static string Json(ConditionOccurrence value) => Json(value, EhrJsonContext.Default.ConditionOccurrence);

    public static string Json(DrugExposure value) => Json(value, EhrJsonContext.Default.DrugExposure);

    public static string Json(Note value) => Json(value, EhrJsonContext.Default.Note);

    public static string Json(Admin value) => Json(value, EhrJsonContext.Default.Admin);

    public static string Json(Doctor value) => Json(value, EhrJsonContext.Default.Doctor);
}
