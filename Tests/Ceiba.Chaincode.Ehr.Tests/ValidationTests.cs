using System.Text.Json;
using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class ValidationTests
{
    private readonly EhrFixture _ehr = new();

    private async Task<string> RejectionAsync(string function, string json, string? caller = null)
    {
        var result = await _ehr.SubmitAsync(caller == "admin" ? EhrFixture.Admin : EhrFixture.Doctor, function, json);
        Assert.Equal(400, result.Response.Status);
        Assert.Empty(result.Stub.Writes);
        return result.Response.Message;
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_the_message_and_listed_in_the_payload()
    {
        // Arrange
        var note = Samples.Note(40, 1) with { NoteDate = "10/03/2025", NoteText = " ", NoteClassConceptId = 0 };

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(note));

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal(
            "Invalid note: note_date must be an ISO date (yyyy-MM-dd), got '10/03/2025'; note_class_concept_id must be a concept id > 0; note_text is required.",
            result.Response.Message);
        var problem = JsonSerializer.Deserialize(result.Response.Payload.Span, EhrJsonContext.Default.ValidationProblem)!;
        Assert.Equal(["note_date", "note_class_concept_id", "note_text"], problem.Errors.Select(error => error.Field));
    }

    [Fact]
    public async Task Missing_required_fields_are_reported_by_their_OMOP_names()
    {
        // Arrange
        const string json = """{"drug_exposure_id":1,"person_id":1}""";

        // Act
        var message = await RejectionAsync("CreateDrugExposure", json);

        // Assert
        Assert.Equal(
            "Invalid drug_exposure: drug_concept_id must be a concept id > 0; drug_exposure_start_date is required; drug_exposure_end_date is required; drug_type_concept_id must be a concept id > 0.",
            message);
    }

    [Fact]
    public async Task An_end_date_before_its_start_date_is_rejected()
    {
        // Arrange
        var drug = Samples.Drug(1, 1) with { DrugExposureStartDate = "2025-03-10", DrugExposureEndDate = "2025-03-09" };

        // Act
        var message = await RejectionAsync("CreateDrugExposure", Samples.Json(drug));

        // Assert
        Assert.Equal("Invalid drug_exposure: drug_exposure_end_date must not be before drug_exposure_start_date.", message);
    }

    [Fact]
    public async Task Visit_and_condition_end_dates_are_checked_too()
    {
        // Arrange
        var visit = Samples.Visit(1, 1) with { VisitEndDate = "2025-02-30" };
        var condition = Samples.Condition(1, 1) with { ConditionEndDate = "2025-03-01" };

        // Act
        var visitMessage = await RejectionAsync("CreateVisitOccurrence", Samples.Json(visit));
        var conditionMessage = await RejectionAsync("CreateConditionOccurrence", Samples.Json(condition));

        // Assert
        Assert.Equal("Invalid visit_occurrence: visit_end_date must be an ISO date (yyyy-MM-dd), got '2025-02-30'.", visitMessage);
        Assert.Equal("Invalid condition_occurrence: condition_end_date must not be before condition_start_date.", conditionMessage);
    }

    [Fact]
    public async Task A_note_text_over_64_KiB_of_UTF8_is_rejected_with_its_size()
    {
        // Arrange
        var note = Samples.Note(40, 1) with { NoteText = new string('ñ', (32 * 1024) + 1) };

        // Act
        var message = await RejectionAsync("CreateNote", Samples.Json(note));

        // Assert
        Assert.Equal("Invalid note: note_text must be at most 65536 bytes of UTF-8 (got 65538).", message);
    }

    [Fact]
    public async Task A_note_must_be_UTF8_and_its_title_at_most_250_characters()
    {
        // Arrange
        var note = Samples.Note(40, 1) with { EncodingConceptId = 0, NoteTitle = new string('t', 251) };

        // Act
        var message = await RejectionAsync("CreateNote", Samples.Json(note));

        // Assert
        Assert.Equal(
            "Invalid note: note_title must be at most 250 characters (got 251); encoding_concept_id must be 32678 (UTF-8).",
            message);
    }

    [Fact]
    public async Task OMOP_string_limits_apply_to_stop_reason_and_lot_number()
    {
        // Arrange
        var drug = Samples.Drug(1, 1) with { StopReason = new string('s', 21), LotNumber = new string('l', 51) };

        // Act
        var message = await RejectionAsync("CreateDrugExposure", Samples.Json(drug));

        // Assert
        Assert.Equal(
            "Invalid drug_exposure: stop_reason must be at most 20 characters (got 21); lot_number must be at most 50 characters (got 51).",
            message);
    }

    [Fact]
    public async Task A_person_needs_concept_ids_a_plausible_birth_date_and_a_Cuban_province()
    {
        // Arrange
        var person = Samples.Person(1) with
        {
            GenderConceptId = 0, YearOfBirth = 2026, MonthOfBirth = 2, DayOfBirth = 30, Province = "02",
        };

        // Act
        var message = await RejectionAsync("CreatePerson", Samples.Json(person));

        // Assert
        Assert.Equal(
            "Invalid person: gender_concept_id must be a concept id > 0; year_of_birth must be between 1850 and 2025; day_of_birth must be a day of month_of_birth in year_of_birth; province must be a Cuban province code (01, 03-16 or 99).",
            message);
    }

    [Theory]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@hospital.cu")]
    [InlineData("ana@hospital")]
    [InlineData("ana maria@hospital.cu")]
    [InlineData("ana@@hospital.cu")]
    public async Task An_account_e_mail_must_look_like_one(string email)
    {
        // Arrange
        var doctor = Samples.Doctor("dr-1", email);

        // Act
        var message = await RejectionAsync("CreateDoctor", Samples.Json(doctor), caller: "admin");

        // Assert
        Assert.Equal("Invalid doctor: email must be an e-mail address such as name@hospital.cu.", message);
    }

    [Fact]
    public async Task An_account_needs_an_id_names_a_password_hash_a_hospital_and_a_specialty()
    {
        // Arrange
        const string json = """{"email":"x@y.cu","province":"99"}""";

        // Act
        var message = await RejectionAsync("CreateDoctor", json, caller: "admin");

        // Assert
        Assert.Equal(
            "Invalid doctor: doctor_id is required; first_name is required; last_name is required; password_hash is required; hospital is required; specialty is required.",
            message);
    }
}
