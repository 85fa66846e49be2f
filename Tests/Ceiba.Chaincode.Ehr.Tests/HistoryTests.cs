using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class HistoryTests
{
    private readonly EhrFixture _ehr = new();

    [Fact]
    public async Task The_history_of_a_note_is_its_one_creating_transaction_with_the_record()
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(Samples.Person(1)));
        var created = await _ehr.SeedAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(Samples.Note(40, 1)));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetRecordHistory", "note", "40");

        // Assert
        var entry = Assert.Single(EhrFixture.Read(result, EhrJsonContext.Default.IReadOnlyListRecordHistoryEntry));
        Assert.Equal(created.Stub.TxId, entry.TxId);
        Assert.Equal("2025-03-14T09:00:01.0000000Z", entry.Timestamp);
        Assert.False(entry.IsDelete);
        Assert.Equal(Samples.Json(Samples.Note(40, 1)), entry.Record?.GetRawText());
    }

    [Fact]
    public async Task The_history_of_a_doctor_account_leaves_out_the_password_hash()
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Admin, "CreateDoctor", Samples.Json(Samples.Doctor("dr-1", "a@hha.cu")));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "GetRecordHistory", "doctor", "dr-1");

        // Assert
        var entry = Assert.Single(EhrFixture.Read(result, EhrJsonContext.Default.IReadOnlyListRecordHistoryEntry));
        Assert.Equal(Samples.Json(Samples.Doctor("dr-1", "a@hha.cu") with { PasswordHash = null }), entry.Record?.GetRawText());
    }

    [Fact]
    public async Task The_history_of_a_record_that_never_existed_is_empty()
    {
        // Arrange
        const string id = "77";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetRecordHistory", "person", id);

        // Assert
        Assert.Equal("[]", result.Text);
    }

    [Fact]
    public async Task An_unknown_record_type_is_a_400_listing_the_known_ones()
    {
        // Arrange
        const string recordType = "observation";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "GetRecordHistory", recordType, "1");

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.StartsWith("Unknown record type 'observation'; expected one of ", result.Response.Message, StringComparison.Ordinal);
        Assert.Contains("drug_exposure", result.Response.Message, StringComparison.Ordinal);
    }
}
