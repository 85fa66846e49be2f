using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>Bad input and the chaincode's business errors, mapped to problem details without stack traces.</summary>
public sealed class ErrorMappingTests(SeedApiFixture fixture)
{
    [Fact]
    public async Task Missing_fields_and_a_bad_id_are_a_400_naming_each_field()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var doctor = await fixture.DoctorAsync("validation-doctor", cancellationToken);
        var withoutProvince = Records.Person(301);
        withoutProvince.Remove("province");
        var badId = Records.Person(0);

        // Act
        using var missing = await doctor.PostAsJsonAsync("api/persons", withoutProvince, cancellationToken);
        using var zeroId = await doctor.PostAsJsonAsync("api/persons", badId, cancellationToken);
        using var textId = await doctor.GetAsync("api/persons/abc", cancellationToken);

        // Assert
        await ProblemAssert.NamesFieldAsync(missing, "province", cancellationToken);
        await ProblemAssert.NamesFieldAsync(zeroId, "person_id", cancellationToken);
        await ProblemAssert.NamesFieldAsync(textId, "id", cancellationToken);
    }

    [Fact]
    public async Task Malformed_json_and_a_non_object_body_are_a_400_naming_the_body()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var doctor = await fixture.DoctorAsync("json-doctor", cancellationToken);

        // Act
        using var broken = await doctor.PostAsync("api/notes", new StringContent("{\"note_id\": 1,", Encoding.UTF8, "application/json"), cancellationToken);
        using var array = await doctor.PostAsync("api/notes", new StringContent("[1, 2]", Encoding.UTF8, "application/json"), cancellationToken);

        // Assert
        var problem = await ProblemAssert.NamesFieldAsync(broken, "body", cancellationToken);
        Assert.Contains("not valid JSON", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAssert.NamesFieldAsync(array, "body", cancellationToken);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("ten")]
    public async Task A_page_size_outside_1_to_100_is_a_400_naming_pageSize(string pageSize)
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var doctor = await fixture.DoctorAsync($"page-doctor-{pageSize}", cancellationToken);

        // Act
        using var response = await doctor.GetAsync($"api/persons?pageSize={pageSize}", cancellationToken);

        // Assert
        await ProblemAssert.NamesFieldAsync(response, "pageSize", cancellationToken);
    }

    [Fact]
    public async Task The_chaincodes_validation_message_comes_through_with_its_fields()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var doctor = await fixture.DoctorAsync("chaincode-validation-doctor", cancellationToken);
        await CreatedAsync(doctor, "api/persons", Records.Person(401), cancellationToken);
        var note = Records.Note(1401, 401);
        note["note_date"] = "14/03/2025";

        // Act
        using var response = await doctor.PostAsJsonAsync("api/notes", note, cancellationToken);

        // Assert
        var problem = await ProblemAssert.NamesFieldAsync(response, "note_date", cancellationToken);
        Assert.Contains("must be an ISO date (yyyy-MM-dd), got '14/03/2025'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_id_is_a_409_and_a_missing_record_a_404_with_the_chaincodes_message()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var doctor = await fixture.DoctorAsync("business-doctor", cancellationToken);
        await CreatedAsync(doctor, "api/persons", Records.Person(201), cancellationToken);

        // Act
        using var duplicate = await doctor.PostAsJsonAsync("api/persons", Records.Person(201), cancellationToken);
        using var missing = await doctor.GetAsync("api/persons/999999", cancellationToken);
        using var orphanNote = await doctor.PostAsJsonAsync("api/notes", Records.Note(1999, 999999), cancellationToken);

        // Assert
        var conflict = await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.Conflict, cancellationToken);
        Assert.Contains("201 already exists", conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var notFound = await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, cancellationToken);
        Assert.Contains("999999", notFound["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(orphanNote, HttpStatusCode.NotFound, cancellationToken);
    }

    [Fact]
    public async Task Account_rules_of_the_api_name_the_field()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var admin = await fixture.AdminAsync(cancellationToken);
        var unknownHospital = Records.Doctor("nowhere-doctor", "nowhere@ceiba.local", "long-enough-password");
        unknownHospital["hospital"] = "hospital-that-does-not-exist";
        var shortPassword = Records.Doctor("short-doctor", "short@ceiba.local", "short");
        var withHash = Records.Admin("hash-admin", "hash@ceiba.local", "long-enough-password");
        withHash["password_hash"] = "AQAAAA...";

        // Act
        using var hospital = await admin.PostAsJsonAsync("api/doctors", unknownHospital, cancellationToken);
        using var password = await admin.PostAsJsonAsync("api/doctors", shortPassword, cancellationToken);
        using var hash = await admin.PostAsJsonAsync("api/admins", withHash, cancellationToken);
        using var duplicateEmail = await admin.PostAsJsonAsync("api/admins", Records.Admin("second-admin", SeedApiFixture.AdminEmail, "long-enough-password"), cancellationToken);

        // Assert
        await ProblemAssert.NamesFieldAsync(hospital, "hospital", cancellationToken);
        await ProblemAssert.NamesFieldAsync(password, "password", cancellationToken);
        await ProblemAssert.NamesFieldAsync(hash, "password_hash", cancellationToken);
        await ProblemAssert.IsProblemAsync(duplicateEmail, HttpStatusCode.Conflict, cancellationToken);
    }

    [Fact]
    public async Task An_unknown_history_type_is_a_400_naming_recordType()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var doctor = await fixture.DoctorAsync("history-doctor", cancellationToken);

        // Act
        using var response = await doctor.GetAsync("api/history/prescription/1", cancellationToken);

        // Assert
        await ProblemAssert.NamesFieldAsync(response, "recordType", cancellationToken);
    }

    private static async Task CreatedAsync(HttpClient client, string url, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(url, body, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
