namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>A doctor account, from the thesis. Doctors create and read clinical records.</summary>
/// <remarks>
/// <see cref="PasswordHash"/> arrives already hashed by the gateway; the chaincode never hashes or
/// checks passwords, and returns the hash only from <c>GetDoctorByEmail</c>, the login lookup.
/// </remarks>
public sealed record Doctor
{
    /// <summary>The account id: 1–64 characters of letters, digits, '.', '_' or '-'.</summary>
    public string? DoctorId { get; init; }

    /// <summary>Given name(s), at most 100 characters.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name(s), at most 100 characters.</summary>
    public string? LastName { get; init; }

    /// <summary>The login e-mail, unique among doctors (compared case-insensitively).</summary>
    public string? Email { get; init; }

    /// <summary>The password hash the gateway computed; null in every answer except the login lookup.</summary>
    public string? PasswordHash { get; init; }

    /// <summary>The medical specialty, at most 100 characters.</summary>
    public string? Specialty { get; init; }

    /// <summary>The hospital the doctor works at, at most 100 characters.</summary>
    public string? Hospital { get; init; }

    /// <summary>The two-digit province code.</summary>
    public string? Province { get; init; }
}
