using System.Text;
using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class PersonTests
{
    private readonly EhrFixture _ehr = new();

    [Fact]
    public async Task A_doctor_creates_a_person_and_reads_it_back_unchanged()
    {
        // Arrange
        var person = Samples.Person(42);

        // Act
        var created = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(person));
        var read = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetPerson", "42");

        // Assert
        Assert.Equal(200, created.Response.Status);
        Assert.True(created.Response.Payload.IsEmpty);
        Assert.Equal(person, EhrFixture.Read(read, EhrJsonContext.Default.Person));
    }

    [Fact]
    public async Task A_person_is_stored_as_snake_case_OMOP_JSON_under_its_zero_padded_composite_key()
    {
        // Arrange
        var person = Samples.Person(42);

        // Act
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(person));

        // Assert
        var stored = Encoding.UTF8.GetString(_ehr.Harness.Ledger.State["\0person\0" + "0000000000000000042" + "\0"]);
        Assert.Equal(
            """{"person_id":42,"gender_concept_id":8532,"year_of_birth":1984,"month_of_birth":2,"day_of_birth":29,"race_concept_id":1546847,"ethnicity_concept_id":38003563,"care_site_id":301,"province":"03","race_source_value":"mestiza"}""",
            stored);
    }

    [Fact]
    public async Task Creating_a_person_whose_id_exists_is_a_409_and_leaves_the_first_unchanged()
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(Samples.Person(7)));
        var second = Samples.Person(7) with { YearOfBirth = 2000 };

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(second));
        var read = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetPerson", "7");

        // Assert
        Assert.Equal(409, result.Response.Status);
        Assert.Equal("person 7 already exists.", result.Response.Message);
        Assert.Equal(1984, EhrFixture.Read(read, EhrJsonContext.Default.Person).YearOfBirth);
    }

    [Fact]
    public async Task Reading_a_missing_person_is_a_404()
    {
        // Arrange
        const string id = "404";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetPerson", id);

        // Assert
        Assert.Equal(404, result.Response.Status);
        Assert.Equal("person 404 does not exist.", result.Response.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Reading_a_person_with_an_id_that_is_not_positive_is_a_400(string id)
    {
        // Arrange
        const string function = "GetPerson";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, function, id);

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal($"A person id must be a whole number > 0, got '{id}'.", result.Response.Message);
    }

    [Fact]
    public async Task A_name_in_a_person_row_is_rejected_so_PHI_stays_off_the_ledger()
    {
        // Arrange
        var json = Samples.Json(Samples.Person(8)).TrimEnd('}') + ""","name":"María Rodríguez"}""";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreatePerson", json);

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.StartsWith("Argument 'person' of transaction 'CreatePerson' is not valid JSON for Person", result.Response.Message, StringComparison.Ordinal);
        Assert.Empty(_ehr.Harness.Ledger.State);
    }

    [Fact]
    public async Task Creating_a_person_sets_a_PersonCreated_event_without_clinical_content()
    {
        // Arrange
        var person = Samples.Person(42);

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(person));

        // Assert
        Assert.Equal("PersonCreated", result.Stub.Event?.Name);
        Assert.Equal(
            """{"type":"person","id":"42","person_id":42,"msp_id":"HabanaMSP"}""",
            Encoding.UTF8.GetString(result.Stub.Event!.Value.Payload));
    }
}
