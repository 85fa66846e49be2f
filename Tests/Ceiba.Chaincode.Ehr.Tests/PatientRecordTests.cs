using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class PatientRecordTests
{
    private readonly EhrFixture _ehr = new();

    private async Task ArrangeTwoPatientsAsync()
    {
        foreach (var personId in new long[] { 1, 2 })
        {
            await _ehr.SeedAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(Samples.Person(personId)));
        }

        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateVisitOccurrence", Samples.Json(Samples.Visit(11, 1)));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateVisitOccurrence", Samples.Json(Samples.Visit(12, 2)));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateConditionOccurrence", Samples.Json(Samples.Condition(21, 1, 11)));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateDrugExposure", Samples.Json(Samples.Drug(31, 1, 11)));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateDrugExposure", Samples.Json(Samples.Drug(32, 2, 12)));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(Samples.Note(120, 1, 11)));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(Samples.Note(43, 1)));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(Samples.Note(44, 2)));
    }

    [Fact]
    public async Task A_patients_record_holds_only_their_records_each_in_id_order()
    {
        // Arrange
        await ArrangeTwoPatientsAsync();

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetPatientRecord", "1");

        // Assert
        var record = EhrFixture.Read(result, EhrJsonContext.Default.PatientRecord);
        Assert.Equal(Samples.Person(1), record.Person);
        Assert.Equal([11L], record.VisitOccurrences.Select(visit => visit.VisitOccurrenceId));
        Assert.Equal([21L], record.ConditionOccurrences.Select(condition => condition.ConditionOccurrenceId));
        Assert.Equal([31L], record.DrugExposures.Select(drug => drug.DrugExposureId));
        Assert.Equal([43L, 120], record.Notes.Select(note => note.NoteId));
        Assert.Equal(Samples.Note(120, 1, 11), record.Notes[1]);
    }

    [Fact]
    public async Task A_patients_record_is_read_through_the_indexes_without_scanning_other_patients()
    {
        // Arrange
        await ArrangeTwoPatientsAsync();

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetPatientRecord", "2");

        // Assert
        Assert.Equal(200, result.Response.Status);
        Assert.Equal(3, result.Stub.QueryResultsReturned);
        Assert.Equal(1 + 3, result.Stub.StateReads);
    }

    [Fact]
    public async Task A_patient_without_clinical_records_has_empty_lists()
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(Samples.Person(5)));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetPatientRecord", "5");

        // Assert
        Assert.Equal(
            """{"person":{"person_id":5,"gender_concept_id":8532,"year_of_birth":1984,"month_of_birth":2,"day_of_birth":29,"race_concept_id":1546847,"ethnicity_concept_id":38003563,"care_site_id":301,"province":"03","race_source_value":"mestiza"},"visit_occurrences":[],"condition_occurrences":[],"drug_exposures":[],"notes":[]}""",
            result.Text);
    }

    [Fact]
    public async Task The_record_of_a_missing_patient_is_a_404()
    {
        // Arrange
        const string personId = "9";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetPatientRecord", personId);

        // Assert
        Assert.Equal(404, result.Response.Status);
        Assert.Equal("person 9 does not exist.", result.Response.Message);
    }
}
