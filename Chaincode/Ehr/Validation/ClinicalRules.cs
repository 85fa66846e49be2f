using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Validation;

/// <summary>
/// The field rules of the clinical records, from OMOP CDM v5.4: required fields, ids and concept ids
/// &gt; 0, ISO dates with end not before start, and OMOP's string length limits.
/// </summary>
internal static class ClinicalRules
{
    private const int SourceValueLength = 50;
    private const int StopReasonLength = 20;
    private const int NoteTitleLength = 250;
    private const int NoteTextBytes = 64 * 1024;
    private const int EarliestYearOfBirth = 1850;

    /// <summary>Checks a person; <paramref name="currentYear"/> is the transaction's year (never the clock).</summary>
    public static void Validate(Person person, int currentYear)
    {
        var v = new Validator("person");
        v.Id(person.PersonId, "person_id");
        v.Concept(person.GenderConceptId, "gender_concept_id");
        v.Range(person.YearOfBirth, EarliestYearOfBirth, currentYear, "year_of_birth");
        v.Range(person.MonthOfBirth, 1, 12, "month_of_birth");
        v.Check(person.DayOfBirth is null || IsDay(person), "day_of_birth", "must be a day of month_of_birth in year_of_birth");
        v.Concept(person.RaceConceptId, "race_concept_id");
        v.Concept(person.EthnicityConceptId, "ethnicity_concept_id");
        v.OptionalId(person.CareSiteId, "care_site_id");
        v.OptionalId(person.LocationId, "location_id");
        v.OptionalId(person.ProviderId, "provider_id");
        v.Province(person.Province, "province");
        v.MaxLength(person.PersonSourceValue, SourceValueLength, "person_source_value");
        v.MaxLength(person.GenderSourceValue, SourceValueLength, "gender_source_value");
        v.MaxLength(person.RaceSourceValue, SourceValueLength, "race_source_value");
        v.MaxLength(person.EthnicitySourceValue, SourceValueLength, "ethnicity_source_value");
        v.ThrowIfInvalid();
    }

    /// <summary>Checks a drug exposure.</summary>
    public static void Validate(DrugExposure drug)
    {
        var v = new Validator("drug_exposure");
        v.Id(drug.DrugExposureId, "drug_exposure_id");
        v.Id(drug.PersonId, "person_id");
        v.Concept(drug.DrugConceptId, "drug_concept_id");
        var start = v.Date(drug.DrugExposureStartDate, "drug_exposure_start_date", required: true);
        var end = v.Date(drug.DrugExposureEndDate, "drug_exposure_end_date", required: true);
        v.NotBefore(end, "drug_exposure_end_date", start, "drug_exposure_start_date");
        v.Concept(drug.DrugTypeConceptId, "drug_type_concept_id");
        v.MaxLength(drug.StopReason, StopReasonLength, "stop_reason");
        v.Range(drug.Refills, 0, int.MaxValue, "refills");
        v.NonNegative(drug.Quantity, "quantity");
        v.Range(drug.DaysSupply, 0, int.MaxValue, "days_supply");
        v.OptionalConcept(drug.RouteConceptId, "route_concept_id");
        v.MaxLength(drug.LotNumber, SourceValueLength, "lot_number");
        v.OptionalId(drug.ProviderId, "provider_id");
        v.OptionalId(drug.VisitOccurrenceId, "visit_occurrence_id");
        v.MaxLength(drug.DrugSourceValue, SourceValueLength, "drug_source_value");
        v.ThrowIfInvalid();
    }

    /// <summary>Checks a note: UTF-8 only, text at most 64 KiB.</summary>
    public static void Validate(Note note)
    {
        var v = new Validator("note");
        v.Id(note.NoteId, "note_id");
        v.Id(note.PersonId, "person_id");
        v.Date(note.NoteDate, "note_date", required: true);
        v.Concept(note.NoteTypeConceptId, "note_type_concept_id");
        v.Concept(note.NoteClassConceptId, "note_class_concept_id");
        v.MaxLength(note.NoteTitle, NoteTitleLength, "note_title");
        v.Check(!string.IsNullOrWhiteSpace(note.NoteText), "note_text", "is required");
        v.MaxUtf8Bytes(note.NoteText, NoteTextBytes, "note_text");
        v.Check(note.EncodingConceptId == Note.Utf8EncodingConceptId, "encoding_concept_id", $"must be {Note.Utf8EncodingConceptId} (UTF-8)");
        v.Concept(note.LanguageConceptId, "language_concept_id");
        v.OptionalId(note.ProviderId, "provider_id");
        v.OptionalId(note.VisitOccurrenceId, "visit_occurrence_id");
        v.MaxLength(note.NoteSourceValue, SourceValueLength, "note_source_value");
        v.ThrowIfInvalid();
    }

    /// <summary>Checks a visit occurrence.</summary>
    public static void Validate(VisitOccurrence visit)
    {
        var v = new Validator("visit_occurrence");
        v.Id(visit.VisitOccurrenceId, "visit_occurrence_id");
        v.Id(visit.PersonId, "person_id");
        v.Concept(visit.VisitConceptId, "visit_concept_id");
        var start = v.Date(visit.VisitStartDate, "visit_start_date", required: true);
        var end = v.Date(visit.VisitEndDate, "visit_end_date", required: true);
        v.NotBefore(end, "visit_end_date", start, "visit_start_date");
        v.Concept(visit.VisitTypeConceptId, "visit_type_concept_id");
        v.OptionalId(visit.ProviderId, "provider_id");
        v.OptionalId(visit.CareSiteId, "care_site_id");
        v.MaxLength(visit.VisitSourceValue, SourceValueLength, "visit_source_value");
        v.OptionalConcept(visit.AdmittedFromConceptId, "admitted_from_concept_id");
        v.OptionalConcept(visit.DischargedToConceptId, "discharged_to_concept_id");
        v.OptionalId(visit.PrecedingVisitOccurrenceId, "preceding_visit_occurrence_id");
        v.ThrowIfInvalid();
    }

    /// <summary>Checks a condition occurrence; its end date is optional.</summary>
    public static void Validate(ConditionOccurrence condition)
    {
        var v = new Validator("condition_occurrence");
        v.Id(condition.ConditionOccurrenceId, "condition_occurrence_id");
        v.Id(condition.PersonId, "person_id");
        v.Concept(condition.ConditionConceptId, "condition_concept_id");
        var start = v.Date(condition.ConditionStartDate, "condition_start_date", required: true);
        var end = v.Date(condition.ConditionEndDate, "condition_end_date", required: false);
        v.NotBefore(end, "condition_end_date", start, "condition_start_date");
        v.Concept(condition.ConditionTypeConceptId, "condition_type_concept_id");
        v.OptionalConcept(condition.ConditionStatusConceptId, "condition_status_concept_id");
        v.MaxLength(condition.StopReason, StopReasonLength, "stop_reason");
        v.OptionalId(condition.ProviderId, "provider_id");
        v.OptionalId(condition.VisitOccurrenceId, "visit_occurrence_id");
        v.MaxLength(condition.ConditionSourceValue, SourceValueLength, "condition_source_value");
        v.ThrowIfInvalid();
    }

    private static bool IsDay(Person person) =>
        person.MonthOfBirth is >= 1 and <= 12
        && person.YearOfBirth is >= 1 and <= 9999
        && person.DayOfBirth >= 1
        && person.DayOfBirth <= DateTime.DaysInMonth(person.YearOfBirth, person.MonthOfBirth.Value);
}
