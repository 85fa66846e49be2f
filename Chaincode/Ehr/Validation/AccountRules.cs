using Ceiba.Chaincode.Ehr.Models;

namespace Ceiba.Chaincode.Ehr.Validation;

/// <summary>The field rules of admin and doctor accounts.</summary>
internal static class AccountRules
{
    private const int NameLength = 100;
    private const int PasswordHashLength = 512;

    /// <summary>Checks an admin account.</summary>
    public static void Validate(Admin admin)
    {
        var v = new Validator("admin");
        v.AccountId(admin.AdminId, "admin_id");
        CheckPerson(v, admin.FirstName, admin.LastName, admin.Email, admin.PasswordHash, admin.Hospital, admin.Province);
        v.ThrowIfInvalid();
    }

    /// <summary>Checks a doctor account.</summary>
    public static void Validate(Doctor doctor)
    {
        var v = new Validator("doctor");
        v.AccountId(doctor.DoctorId, "doctor_id");
        CheckPerson(v, doctor.FirstName, doctor.LastName, doctor.Email, doctor.PasswordHash, doctor.Hospital, doctor.Province);
        v.Required(doctor.Specialty, NameLength, "specialty");
        v.ThrowIfInvalid();
    }

    private static void CheckPerson(
        Validator v, string? firstName, string? lastName, string? email, string? passwordHash, string? hospital, string? province)
    {
        v.Required(firstName, NameLength, "first_name");
        v.Required(lastName, NameLength, "last_name");
        v.Email(email, "email");
        v.Required(passwordHash, PasswordHashLength, "password_hash");
        v.Required(hospital, NameLength, "hospital");
        v.Province(province, "province");
    }
}
