using System.Text;
using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class ClinicalRecordTests
{
    private readonly EhrFixture _ehr = new();

    private Task PersonAsync(long id) => _ehr.SeedAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(Samples.Person(id)));

    [Fact]
    public async Task A_doctor_creates_each_clinical_record_and_reads_it_back()
    {
        // Arrange
        await PersonAsync(1);
        var visit = Samples.Visit(10, 1);
        var condition = Samples.Condition(20, 1, visitId: 10);
        var drug = Samples.Drug(30, 1, visitId: 10);
        var note = Samples.Note(40, 1, visitId: 10);

        // Act
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateVisitOccurrence", Samples.Json(visit));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateConditionOccurrence", Samples.Json(condition));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateDrugExposure", Samples.Json(drug));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(note));

        // Assert
        Assert.Equal(visit, EhrFixture.Read(await _ehr.SubmitAsync(EhrFixture.Doctor, "GetVisitOccurrence", "10"), EhrJsonContext.Default.VisitOccurrence));
        Assert.Equal(condition, EhrFixture.Read(await _ehr.SubmitAsync(EhrFixture.Doctor, "GetConditionOccurrence", "20"), EhrJsonContext.Default.ConditionOccurrence));
        Assert.Equal(drug, EhrFixture.Read(await _ehr.SubmitAsync(EhrFixture.Doctor, "GetDrugExposure", "30"), EhrJsonContext.Default.DrugExposure));
        Assert.Equal(note, EhrFixture.Read(await _ehr.SubmitAsync(EhrFixture.Doctor, "GetNote", "40"), EhrJsonContext.Default.Note));
    }

    [Theory]
    [InlineData("GetVisitOccurrence", "visit_occurrence")]
    [InlineData("GetConditionOccurrence", "condition_occurrence")]
    [InlineData("GetDrugExposure", "drug_exposure")]
    [InlineData("GetNote", "note")]
    public async Task Reading_a_missing_clinical_record_is_a_404(string function, string type)
    {
        // Arrange
        const string id = "99";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, function, id);

        // Assert
        Assert.Equal(404, result.Response.Status);
        Assert.Equal($"{type} 99 does not exist.", result.Response.Message);
    }

    [Fact]
    public async Task A_note_for_a_person_that_does_not_exist_is_a_404_and_writes_nothing()
    {
        // Arrange
        var note = Samples.Note(40, personId: 5);

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(note));

        // Assert
        Assert.Equal(404, result.Response.Status);
        Assert.Equal("person 5 does not exist.", result.Response.Message);
        Assert.Empty(result.Stub.Writes);
    }

    [Fact]
    public async Task A_record_tied_to_a_missing_visit_is_a_404()
    {
        // Arrange
        await PersonAsync(1);
        var drug = Samples.Drug(30, 1, visitId: 77);

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreateDrugExposure", Samples.Json(drug));

        // Assert
        Assert.Equal(404, result.Response.Status);
        Assert.Equal("visit_occurrence 77 does not exist.", result.Response.Message);
    }

    [Fact]
    public async Task A_record_tied_to_another_patients_visit_is_a_400()
    {
        // Arrange
        await PersonAsync(1);
        await PersonAsync(2);
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateVisitOccurrence", Samples.Json(Samples.Visit(10, 2)));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(Samples.Note(40, 1, visitId: 10)));

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("visit_occurrence 10 belongs to another person than person 1.", result.Response.Message);
    }

    [Fact]
    public async Task Creating_a_note_writes_the_note_and_its_patient_index_entry_only()
    {
        // Arrange
        await PersonAsync(1);

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(Samples.Note(40, 1)));

        // Assert
        Assert.Equal(
            ["\0note\u00000000000000000000040\0", "\0person~note\u00000000000000000000001\u00000000000000000000040\0"],
            result.Stub.Writes.Keys);
        Assert.Equal([0], result.Stub.Writes.Values.Last());
    }

    [Theory]
    [InlineData("CreateVisitOccurrence", "VisitOccurrenceCreated", "visit_occurrence")]
    [InlineData("CreateConditionOccurrence", "ConditionOccurrenceCreated", "condition_occurrence")]
    [InlineData("CreateDrugExposure", "DrugExposureCreated", "drug_exposure")]
    [InlineData("CreateNote", "NoteCreated", "note")]
    public async Task Every_clinical_create_sets_its_event_with_ids_only(string function, string eventName, string type)
    {
        // Arrange
        await PersonAsync(1);
        var json = function switch
        {
            "CreateVisitOccurrence" => Samples.Json(Samples.Visit(50, 1)),
            "CreateConditionOccurrence" => Samples.Json(Samples.Condition(50, 1)),
            "CreateDrugExposure" => Samples.Json(Samples.Drug(50, 1)),
            _ => Samples.Json(Samples.Note(50, 1)),
        };

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, function, json);

        // Assert
        Assert.Equal(eventName, result.Stub.Event?.Name);
        Assert.Equal(
            $$"""{"type":"{{type}}","id":"50","person_id":1,"msp_id":"HabanaMSP"}""",
            Encoding.UTF8.GetString(result.Stub.Event!.Value.Payload));
    }

    [Fact]
    public async Task A_note_of_exactly_64_KiB_of_UTF8_is_accepted()
    {
        // Arrange
        await PersonAsync(1);
        var note = Samples.Note(40, 1) with { NoteText = new string('ñ', 32 * 1024) };

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(note));

        // Assert
        Assert.Equal(200, result.Response.Status);
    }
}
