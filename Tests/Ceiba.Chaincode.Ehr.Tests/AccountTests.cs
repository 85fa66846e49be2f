using System.Text;
using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class AccountTests
{
    private readonly EhrFixture _ehr = new();

    [Fact]
    public async Task The_login_lookup_finds_a_doctor_by_e_mail_in_any_case_with_the_hash_stored_as_given()
    {
        // Arrange
        var doctor = Samples.Doctor("dr-1", "Luis.Garcia@HHA.cu");
        await _ehr.SeedAsync(EhrFixture.Admin, "CreateDoctor", Samples.Json(doctor));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "GetDoctorByEmail", "luis.garcia@hha.cu");

        // Assert
        Assert.Equal(doctor, EhrFixture.Read(result, EhrJsonContext.Default.Doctor));
    }

    [Fact]
    public async Task The_login_lookup_finds_an_admin_by_e_mail()
    {
        // Arrange
        var admin = Samples.Admin("adm-1", "ana@minsap.cu");
        await _ehr.SeedAsync(EhrFixture.Admin, "CreateAdmin", Samples.Json(admin));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "GetAdminByEmail", "ana@minsap.cu");

        // Assert
        Assert.Equal(admin, EhrFixture.Read(result, EhrJsonContext.Default.Admin));
    }

    [Fact]
    public async Task Reading_an_account_by_id_leaves_out_the_password_hash()
    {
        // Arrange
        var doctor = Samples.Doctor("dr-1", "luis@hha.cu");
        await _ehr.SeedAsync(EhrFixture.Admin, "CreateDoctor", Samples.Json(doctor));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "GetDoctor", "dr-1");

        // Assert
        Assert.Equal(doctor with { PasswordHash = null }, EhrFixture.Read(result, EhrJsonContext.Default.Doctor));
        Assert.DoesNotContain("password_hash", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_e_mail_is_a_404()
    {
        // Arrange
        const string email = "nadie@hha.cu";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "GetDoctorByEmail", email);

        // Assert
        Assert.Equal(404, result.Response.Status);
        Assert.Equal("No doctor has the e-mail nadie@hha.cu.", result.Response.Message);
    }

    [Fact]
    public async Task A_second_account_with_the_same_e_mail_in_another_case_is_a_409()
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Admin, "CreateDoctor", Samples.Json(Samples.Doctor("dr-1", "luis@hha.cu")));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "CreateDoctor", Samples.Json(Samples.Doctor("dr-2", "LUIS@hha.cu")));

        // Assert
        Assert.Equal(409, result.Response.Status);
        Assert.Equal("The e-mail LUIS@hha.cu is already used by doctor dr-1.", result.Response.Message);
    }

    [Fact]
    public async Task A_second_account_with_the_same_id_is_a_409()
    {
        // Arrange
        await _ehr.SeedAsync(EhrFixture.Admin, "CreateAdmin", Samples.Json(Samples.Admin("adm-1", "ana@minsap.cu")));

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "CreateAdmin", Samples.Json(Samples.Admin("adm-1", "otra@minsap.cu")));

        // Assert
        Assert.Equal(409, result.Response.Status);
        Assert.Equal("admin adm-1 already exists.", result.Response.Message);
    }

    [Fact]
    public async Task Creating_an_account_writes_it_and_its_e_mail_index_and_sets_an_event_without_the_e_mail()
    {
        // Arrange
        var doctor = Samples.Doctor("dr-1", "Luis@HHA.cu");

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "CreateDoctor", Samples.Json(doctor));

        // Assert
        Assert.Equal(["\0doctor\0dr-1\0", "\0doctor~email\0luis@hha.cu\0"], result.Stub.Writes.Keys);
        Assert.Equal("dr-1", Encoding.UTF8.GetString(result.Stub.Writes["\0doctor~email\0luis@hha.cu\0"]!));
        Assert.Equal("DoctorCreated", result.Stub.Event?.Name);
        Assert.Equal("""{"type":"doctor","id":"dr-1","msp_id":"HabanaMSP"}""", Encoding.UTF8.GetString(result.Stub.Event!.Value.Payload));
    }

    [Fact]
    public async Task An_account_id_with_key_separator_characters_is_a_400_not_a_crash()
    {
        // Arrange
        const string id = "dr\u00001";

        // Act
        var result = await _ehr.SubmitAsync(EhrFixture.Admin, "GetDoctor", id);

        // Assert
        Assert.Equal(400, result.Response.Status);
        Assert.Equal("A doctor id must be 1-64 characters of letters, digits, '.', '_' or '-'.", result.Response.Message);
    }
}
