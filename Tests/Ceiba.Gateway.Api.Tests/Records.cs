using System.Text.Json.Nodes;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>Valid request bodies, as a client of the contract would send them.</summary>
public static class Records
{
    public static JsonObject Doctor(string id, string email, string password) => new()
    {
        ["doctor_id"] = id,
        ["first_name"] = "Ana",
        ["last_name"] = "Pérez Rodríguez",
        ["email"] = email,
        ["password"] = password,
        ["specialty"] = "Medicina Interna",
        ["hospital"] = SeedApiFixture.Hospital,
    };

    public static JsonObject Admin(string id, string email, string password) => new()
    {
        ["admin_id"] = id,
        ["first_name"] = "Luis",
        ["last_name"] = "García",
        ["email"] = email,
        ["password"] = password,
        ["hospital"] = SeedApiFixture.Hospital,
    };

    public static JsonObject Person(long id) => new()
    {
        ["person_id"] = id,
        ["gender_concept_id"] = 8532,
        ["year_of_birth"] = 1984,
        ["race_concept_id"] = 1546847,
        ["ethnicity_concept_id"] = 38003563,
        ["province"] = SeedApiFixture.Province,
        ["race_source_value"] = "mestiza",
    };

    public static JsonObject Note(long id, long personId) => new()
    {
        ["note_id"] = id,
        ["person_id"] = personId,
        ["note_date"] = "2025-03-14",
        ["note_type_concept_id"] = 32817,
        ["note_class_concept_id"] = 706391,
        ["note_title"] = "Consulta de seguimiento",
        ["note_text"] = "Paciente estable, tensión arterial controlada.",
        ["encoding_concept_id"] = 32678,
        ["language_concept_id"] = 4182511,
    };

    public static JsonObject DrugExposure(long id, long personId) => new()
    {
        ["drug_exposure_id"] = id,
        ["person_id"] = personId,
        ["drug_concept_id"] = 1308216,
        ["drug_exposure_start_date"] = "2025-03-14",
        ["drug_exposure_end_date"] = "2025-04-13",
        ["drug_type_concept_id"] = 32817,
        ["quantity"] = 30,
    };

    public static JsonObject Condition(long id, long personId) => new()
    {
        ["condition_occurrence_id"] = id,
        ["person_id"] = personId,
        ["condition_concept_id"] = 320128,
        ["condition_start_date"] = "2025-03-14",
        ["condition_type_concept_id"] = 32817,
        ["condition_source_value"] = "I10",
    };
}
