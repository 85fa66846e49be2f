using Ceiba.Gateway.Api.Auth;

namespace Ceiba.Gateway.Api.Records;

/// <summary>The collections of the contract (api-contract.md), with the required fields of Chaincode/Ehr's rules.</summary>
public static class EhrResources
{
    /// <summary>Admin accounts.</summary>
    public static readonly EhrResource Admins = new("admins", EhrRoles.Admin, "admin", "Admin", "Admins", "admin_id",
        ["first_name", "last_name", "email", "password", "hospital"]);

    /// <summary>Doctor accounts.</summary>
    public static readonly EhrResource Doctors = new("doctors", EhrRoles.Admin, "doctor", "Doctor", "Doctors", "doctor_id",
        ["first_name", "last_name", "email", "password", "specialty", "hospital"]);

    /// <summary>Patients (OMOP PERSON).</summary>
    public static readonly EhrResource Persons = new("persons", EhrRoles.Doctor, "person", "Person", "Persons", "person_id",
        ["gender_concept_id", "year_of_birth", "race_concept_id", "ethnicity_concept_id", "province"]);

    /// <summary>OMOP VISIT_OCCURRENCE.</summary>
    public static readonly EhrResource Visits = new("visits", EhrRoles.Doctor, "visit_occurrence", "VisitOccurrence", "VisitOccurrences",
        "visit_occurrence_id", ["person_id", "visit_concept_id", "visit_start_date", "visit_end_date", "visit_type_concept_id"]);

    /// <summary>OMOP CONDITION_OCCURRENCE.</summary>
    public static readonly EhrResource Conditions = new("conditions", EhrRoles.Doctor, "condition_occurrence", "ConditionOccurrence",
        "ConditionOccurrences", "condition_occurrence_id", ["person_id", "condition_concept_id", "condition_start_date", "condition_type_concept_id"]);

    /// <summary>OMOP DRUG_EXPOSURE.</summary>
    public static readonly EhrResource DrugExposures = new("drug-exposures", EhrRoles.Doctor, "drug_exposure", "DrugExposure", "DrugExposures",
        "drug_exposure_id", ["person_id", "drug_concept_id", "drug_exposure_start_date", "drug_exposure_end_date", "drug_type_concept_id"]);

    /// <summary>OMOP NOTE.</summary>
    public static readonly EhrResource Notes = new("notes", EhrRoles.Doctor, "note", "Note", "Notes", "note_id",
        ["person_id", "note_date", "note_type_concept_id", "note_class_concept_id", "note_text", "encoding_concept_id", "language_concept_id"]);

    /// <summary>Every collection.</summary>
    public static IReadOnlyList<EhrResource> All { get; } = [Admins, Doctors, Persons, Visits, Conditions, DrugExposures, Notes];

    /// <summary>The collection whose history type is <paramref name="recordType"/>, or null.</summary>
    public static EhrResource? ByRecordType(string recordType) => All.FirstOrDefault(r => r.RecordType == recordType);
}
