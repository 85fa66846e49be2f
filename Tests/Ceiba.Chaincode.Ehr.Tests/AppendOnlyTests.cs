using System.Text;
using System.Text.Json;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class AppendOnlyTests
{
    private readonly EhrFixture _ehr = new();

    [Theory]
    [InlineData("UpdateNote")]
    [InlineData("DeletePerson")]
    [InlineData("ehr:UpdateDrugExposure")]
    public async Task Updates_and_deletes_are_refused_as_append_only(string function)
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(Samples.Person(1)));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, function, "1");

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal($"Records are append-only: '{function.Replace("ehr:", "", StringComparison.Ordinal)}' is not a transaction of this contract.", result.Response.Message);
        Assert.Empty(result.Stub.Writes);
    }

    [Fact]
    public async Task Recreating_a_note_with_new_text_is_a_409_and_the_original_text_stays()
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(Samples.Person(1)));
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(Samples.Note(40, 1)));
        var rewritten = Samples.Note(40, 1) with { NoteText = "texto cambiado" };

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(rewritten));

        // Assert
        Assert.Equal(409, result.Response.Status);
        Assert.Equal("note 40 already exists.", result.Response.Message);
        var stored = Encoding.UTF8.GetString(_ehr.Harness.Ledger.State["\0note\u00000000000000000000040\0"]);
        Assert.Contains("cefalea", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metadata_lists_no_update_or_delete_transaction()
    {
        // Arrange
        const string function = "org.hyperledger.fabric:GetMetadata";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, function);

        // Assert
        using var metadata = JsonDocument.Parse(result.Response.Payload);
        var names = metadata.RootElement.GetProperty("contracts").GetProperty("ehr").GetProperty("transactions")
            .EnumerateArray().Select(tx => tx.GetProperty("name").GetString()!).ToList();
        Assert.Equal(25, names.Count);
        Assert.DoesNotContain(names, name => name.StartsWith("Update", StringComparison.Ordinal) || name.StartsWith("Delete", StringComparison.Ordinal));
    }
}
