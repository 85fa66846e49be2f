using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>The thesis' typical session, step by step, over HTTP against the seed network.</summary>
public sealed class ClinicalSessionTests(SeedApiFixture fixture)
{
    [Fact]
    public async Task Admin_creates_a_doctor_who_records_and_reads_a_patient()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var admin = await fixture.AdminAsync(cancellationToken);
        const string doctorEmail = "session.doctor@ameijeiras.cu";
        const string doctorPassword = "session-doctor-password";

        // Act: the admin creates the doctor.
        using var createdDoctor = await admin.PostAsJsonAsync("api/doctors", Records.Doctor("session-doctor", doctorEmail, doctorPassword), cancellationToken);
        var doctorBody = await createdDoctor.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        var readDoctor = await admin.GetFromJsonAsync<JsonObject>("api/doctors/session-doctor", cancellationToken);
        var doctorHistory = await admin.GetFromJsonAsync<JsonArray>("api/history/doctor/session-doctor", cancellationToken);

        // Act: the doctor logs in and records a patient with a note and a drug exposure.
        using var doctor = await fixture.Api.LoginAsync(doctorEmail, doctorPassword, cancellationToken);
        var me = await doctor.GetFromJsonAsync<JsonObject>("api/auth/me", cancellationToken);
        using var createdPerson = await doctor.PostAsJsonAsync("api/persons", Records.Person(101), cancellationToken);
        var persons = await doctor.GetFromJsonAsync<JsonObject>("api/persons?pageSize=100", cancellationToken);
        var person = await doctor.GetFromJsonAsync<JsonObject>("api/persons/101", cancellationToken);
        using var createdNote = await doctor.PostAsJsonAsync("api/notes", Records.Note(1101, 101), cancellationToken);
        using var createdDrug = await doctor.PostAsJsonAsync("api/drug-exposures", Records.DrugExposure(2101, 101), cancellationToken);
        using var createdCondition = await doctor.PostAsJsonAsync("api/conditions", Records.Condition(3101, 101), cancellationToken);
        var condition = await doctor.GetFromJsonAsync<JsonObject>("api/conditions/3101", cancellationToken);
        var note = await doctor.GetFromJsonAsync<JsonObject>("api/notes/1101", cancellationToken);
        var record = await doctor.GetFromJsonAsync<JsonObject>("api/persons/101/record", cancellationToken);
        var history = await doctor.GetFromJsonAsync<JsonArray>("api/history/note/1101", cancellationToken);

        // Assert: the doctor account, without its password anywhere.
        Assert.Equal(HttpStatusCode.Created, createdDoctor.StatusCode);
        Assert.Equal("/api/doctors/session-doctor", createdDoctor.Headers.Location?.OriginalString);
        Assert.Equal(SeedApiFixture.Province, doctorBody!["province"]!.GetValue<string>());
        Assert.False(doctorBody.ContainsKey("password") || doctorBody.ContainsKey("password_hash"));
        Assert.Equal(doctorEmail, readDoctor!["email"]!.GetValue<string>());
        Assert.False(readDoctor.ContainsKey("password_hash"));
        Assert.Single(doctorHistory!);
        Assert.DoesNotContain("password", doctorHistory!.ToJsonString(), StringComparison.Ordinal);

        // Assert: the doctor's session.
        Assert.Equal("doctor", me!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, createdPerson.StatusCode);
        Assert.Equal("/api/persons/101", createdPerson.Headers.Location?.OriginalString);
        Assert.Contains(persons!["records"]!.AsArray(), p => p!["person_id"]!.GetValue<long>() == 101);
        Assert.Equal("mestiza", person!["race_source_value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, createdNote.StatusCode);
        Assert.Equal(HttpStatusCode.Created, createdDrug.StatusCode);
        Assert.Equal("/api/conditions/3101", createdCondition.Headers.Location?.OriginalString);
        Assert.Equal("I10", condition!["condition_source_value"]!.GetValue<string>());
        Assert.Equal("Paciente estable, tensión arterial controlada.", note!["note_text"]!.GetValue<string>());
        Assert.Equal(101, record!["person"]!["person_id"]!.GetValue<long>());
        Assert.Equal(1101, Assert.Single(record["notes"]!.AsArray())!["note_id"]!.GetValue<long>());
        Assert.Equal(2101, Assert.Single(record["drug_exposures"]!.AsArray())!["drug_exposure_id"]!.GetValue<long>());
        Assert.Equal(3101, Assert.Single(record["condition_occurrences"]!.AsArray())!["condition_occurrence_id"]!.GetValue<long>());
        var change = Assert.Single(history!);
        Assert.False(change!["is_delete"]!.GetValue<bool>());
        Assert.Equal(1101, change["record"]!["note_id"]!.GetValue<long>());
        Assert.False(string.IsNullOrEmpty(change["tx_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Pages_follow_the_bookmark_without_gaps_or_repeats()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var doctor = await fixture.DoctorAsync("paging-doctor", cancellationToken);
        using (var patient = await doctor.PostAsJsonAsync("api/persons", Records.Person(5000), cancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, patient.StatusCode);
        }

        long[] ids = [5001, 5002, 5003, 5004, 5005];
        foreach (var id in ids)
        {
            using var created = await doctor.PostAsJsonAsync("api/visits", Visit(id), cancellationToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // Act
        var seen = new List<long>();
        var pages = 0;
        string? bookmark = null;
        do
        {
            var url = "api/visits?pageSize=2" + (string.IsNullOrEmpty(bookmark) ? string.Empty : "&bookmark=" + Uri.EscapeDataString(bookmark));
            var page = await doctor.GetFromJsonAsync<JsonObject>(url, cancellationToken);
            var records = page!["records"]!.AsArray();
            Assert.True(records.Count <= 2, $"a page of size 2 had {records.Count} records");
            Assert.Equal(records.Count, page["fetched_records_count"]!.GetValue<int>());
            seen.AddRange(records.Select(r => r!["visit_occurrence_id"]!.GetValue<long>()));
            bookmark = records.Count == 0 ? null : page["bookmark"]?.GetValue<string>();
            pages++;
        }
        while (!string.IsNullOrEmpty(bookmark) && pages < 100);

        // Assert
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(ids, seen.Where(ids.Contains));
        Assert.True(pages >= 3, $"5 visits in pages of 2 took {pages} pages");
    }

    private static JsonObject Visit(long id)
    {
        return new JsonObject
        {
            ["visit_occurrence_id"] = id,
            ["person_id"] = 5000,
            ["visit_concept_id"] = 9202,
            ["visit_start_date"] = "2025-03-14",
            ["visit_end_date"] = "2025-03-14",
            ["visit_type_concept_id"] = 32817,
        };
    }
}
