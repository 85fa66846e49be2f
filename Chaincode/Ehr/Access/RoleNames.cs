namespace Ceiba.Chaincode.Ehr.Access;

/// <summary>The attribute names and values of <see cref="Role"/>.</summary>
public static class RoleNames
{
    /// <summary>The certificate attribute holding the role.</summary>
    public const string Attribute = "role";

    /// <summary>The certificate attribute holding the caller's hospital.</summary>
    public const string HospitalAttribute = "hospital";

    /// <summary>The certificate attribute holding the caller's two-digit province code.</summary>
    public const string ProvinceAttribute = "province";

    /// <summary>The attribute value of a role: <c>admin</c> or <c>doctor</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The value.</returns>
    public static string ValueOf(Role role) => role == Role.Admin ? "admin" : "doctor";
}
