using Ceiba.Network.Protos.Msp;

namespace Ceiba.Chaincode.Ehr.Tests;

public sealed class AccessControlTests
{
    private readonly EhrFixture _ehr = new();

    /// <summary>Every transaction with arguments that would pass validation, and the role it needs.</summary>
    public static TheoryData<string, string, string[]> Transactions => new()
    {
        { "CreatePerson", "doctor", [Samples.Json(Samples.Person(1))] },
        { "CreateVisitOccurrence", "doctor", [Samples.Json(Samples.Visit(1, 1))] },
        { "CreateConditionOccurrence", "doctor", [Samples.Json(Samples.Condition(1, 1))] },
        { "CreateDrugExposure", "doctor", [Samples.Json(Samples.Drug(1, 1))] },
        { "CreateNote", "doctor", [Samples.Json(Samples.Note(1, 1))] },
        { "GetPerson", "doctor", ["1"] },
        { "GetVisitOccurrence", "doctor", ["1"] },
        { "GetConditionOccurrence", "doctor", ["1"] },
        { "GetDrugExposure", "doctor", ["1"] },
        { "GetNote", "doctor", ["1"] },
        { "ListPersons", "doctor", ["10"] },
        { "ListVisitOccurrences", "doctor", ["10"] },
        { "ListConditionOccurrences", "doctor", ["10"] },
        { "ListDrugExposures", "doctor", ["10"] },
        { "ListNotes", "doctor", ["10"] },
        { "GetPatientRecord", "doctor", ["1"] },
        { "GetRecordHistory", "doctor", ["note", "1"] },
        { "CreateAdmin", "admin", [Samples.Json(Samples.Admin("adm-1", "ana@minsap.cu"))] },
        { "CreateDoctor", "admin", [Samples.Json(Samples.Doctor("dr-1", "luis@hha.cu"))] },
        { "GetAdmin", "admin", ["adm-1"] },
        { "GetDoctor", "admin", ["dr-1"] },
        { "GetAdminByEmail", "admin", ["ana@minsap.cu"] },
        { "GetDoctorByEmail", "admin", ["luis@hha.cu"] },
        { "ListAdmins", "admin", ["10"] },
        { "ListDoctors", "admin", ["10"] },
        { "GetRecordHistory", "admin", ["doctor", "dr-1"] },
    };

    [Theory]
    [MemberData(nameof(Transactions))]
    public async Task The_other_role_gets_a_403_naming_the_required_role_and_its_own(string function, string role, string[] args)
    {
        // Arrange
        var (caller, callerRole) = role == "doctor" ? (EhrFixture.Admin, "admin") : (EhrFixture.Doctor, "doctor");

        // Act
        var result = await _ehr.SubmitAsync(caller, function, args);

        // Assert
        Assert.Equal(403, result.Response.Status);
        Assert.Equal($"{function} requires role '{role}'; the caller from HabanaMSP has role '{callerRole}'.", result.Response.Message);
        Assert.Empty(result.Stub.Writes);
    }

    [Theory]
    [MemberData(nameof(Transactions))]
    public async Task A_caller_without_a_role_attribute_gets_a_403(string function, string role, string[] args)
    {
        // Arrange
        var caller = EhrFixture.NoRole;

        // Act
        var result = await _ehr.SubmitAsync(caller, function, args);

        // Assert
        Assert.Equal(403, result.Response.Status);
        Assert.Equal($"{function} requires role '{role}'; the caller from SantiagoMSP has no role attribute.", result.Response.Message);
    }

    [Theory]
    [MemberData(nameof(Transactions))]
    public async Task A_caller_with_an_unknown_role_gets_a_403(string function, string role, string[] args)
    {
        // Arrange
        var caller = EhrFixture.Nurse;

        // Act
        var result = await _ehr.SubmitAsync(caller, function, args);

        // Assert
        Assert.Equal(403, result.Response.Status);
        Assert.Equal($"{function} requires role '{role}'; the caller from SantiagoMSP has role 'nurse'.", result.Response.Message);
    }

    [Theory]
    [MemberData(nameof(Transactions))]
    public async Task The_required_role_gets_past_access_control(string function, string role, string[] args)
    {
        // Arrange
        SerializedIdentity caller = role == "doctor" ? EhrFixture.Doctor : EhrFixture.Admin;

        // Act
        var result = await _ehr.SubmitAsync(caller, function, args);

        // Assert
        Assert.NotEqual(403, result.Response.Status);
        Assert.NotEqual(500, result.Response.Status);
    }

    [Fact]
    public async Task Decisions_follow_each_callers_certificate_when_callers_alternate_on_one_contract()
    {
        // Arrange
        var callers = new[] { EhrFixture.Doctor, EhrFixture.Admin, EhrFixture.Doctor, EhrFixture.NoRole, EhrFixture.Admin };

        // Act
        var statuses = new List<int>();
        foreach (var caller in callers)
        {
            statuses.Add((await _ehr.SubmitAsync(caller, "ListPersons", "10")).Response.Status);
        }

        // Assert
        Assert.Equal([200, 403, 200, 403, 403], statuses);
    }
}
