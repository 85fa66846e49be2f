namespace Ceiba.Gateway.Api.Auth;

/// <summary>The two application roles: the certificate attribute <c>role</c> and the claim of the same name.</summary>
public static class EhrRoles
{
    /// <summary>Manages admin and doctor accounts.</summary>
    public const string Admin = "admin";

    /// <summary>Creates and reads clinical records.</summary>
    public const string Doctor = "doctor";
}
