using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class PaginationTests
{
    private readonly EhrFixture _ehr = new();

    private async Task PersonsAsync(params long[] ids)
    {
        foreach (var id in ids)
        {
            await _ehr.SeedAsync(EhrFixture.Doctor, "CreatePerson", Samples.Json(Samples.Person(id)));
        }
    }

    [Fact]
    public async Task Listing_walks_all_records_in_numeric_id_order_page_by_page()
    {
        // Arrange
        await PersonsAsync(100, 9, 42, 7, 1000, 3, 55);

        // Act
        var first = EhrFixture.Read(await _ehr.SubmitAsync(EhrFixture.Doctor, "ListPersons", "3"), EhrJsonContext.Default.RecordPagePerson);
        var second = EhrFixture.Read(await _ehr.SubmitAsync(EhrFixture.Doctor, "ListPersons", "3", first.Bookmark), EhrJsonContext.Default.RecordPagePerson);
        var third = EhrFixture.Read(await _ehr.SubmitAsync(EhrFixture.Doctor, "ListPersons", "3", second.Bookmark), EhrJsonContext.Default.RecordPagePerson);

        // Assert
        Assert.Equal([3L, 7, 9], first.Records.Select(person => person.PersonId));
        Assert.Equal([42L, 55, 100], second.Records.Select(person => person.PersonId));
        Assert.Equal([1000L], third.Records.Select(person => person.PersonId));
        Assert.Equal([3, 3, 1], new[] { first, second, third }.Select(page => page.FetchedRecordsCount));
        Assert.Equal("", third.Bookmark);
    }

    [Fact]
    public async Task A_listing_holds_only_its_own_type()
    {
        // Arrange
        await PersonsAsync(1);
        await _ehr.SeedAsync(EhrFixture.Doctor, "CreateNote", Samples.Json(Samples.Note(5, 1)));

        // Act
        var notes = EhrFixture.Read(await _ehr.SubmitAsync(EhrFixture.Doctor, "ListNotes", "100"), EhrJsonContext.Default.RecordPageNote);
        var persons = EhrFixture.Read(await _ehr.SubmitAsync(EhrFixture.Doctor, "ListPersons", "100"), EhrJsonContext.Default.RecordPagePerson);

        // Assert
        Assert.Equal([5L], notes.Records.Select(note => note.NoteId));
        Assert.Equal([1L], persons.Records.Select(person => person.PersonId));
    }

    [Fact]
    public async Task Account_listings_leave_out_password_hashes()
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Admin, "CreateDoctor", Samples.Json(Samples.Doctor("dr-1", "a@hha.cu")));
        await _ehr.SeedAsync(EhrFixture.Admin, "CreateDoctor", Samples.Json(Samples.Doctor("dr-2", "b@hha.cu")));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "ListDoctors", "10");

        // Assert
        var page = EhrFixture.Read(result, EhrJsonContext.Default.RecordPageDoctor);
        Assert.Equal(["dr-1", "dr-2"], page.Records.Select(doctor => doctor.DoctorId));
        Assert.All(page.Records, doctor => Assert.Null(doctor.PasswordHash));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public async Task A_page_size_outside_1_to_100_is_a_400(string pageSize)
    {
        // Arrange
        const string function = "ListPersons";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, function, pageSize);

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal($"pageSize must be between 1 and 100, got {pageSize}.", result.Response.Message);
    }

    [Fact]
    public async Task A_bookmark_from_another_listing_is_a_400_so_doctors_cannot_page_into_accounts()
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Admin, "CreateDoctor", Samples.Json(Samples.Doctor("dr-1", "a@hha.cu")));
        const string accountKey = "\0doctor\0dr-1\0";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Doctor, "ListNotes", "10", accountKey);

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("The bookmark does not belong to a note listing.", result.Response.Message);
    }
}
