namespace Ceiba.Chaincode.Ehr.Models;

/// <summary>
/// A hospital administrator account, from the thesis. Admins manage admin and doctor accounts; they
/// do not read clinical records.
/// </summary>
/// <remarks>
/// <see cref="PasswordHash"/> arrives already hashed by the gateway; the chaincode never hashes or
/// checks passwords, and returns the hash only from <c>GetAdminByEmail</c>, the login lookup.
/// </remarks>
public sealed record Admin
{
    /// <summary>The account id: 1–64 characters of letters, digits, '.', '_' or '-'.</summary>
    public string? AdminId { get; init; }

    /// <summary>Given name(s), at most 100 characters.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name(s), at most 100 characters.</summary>
    public string? LastName { get; init; }

    /// <summary>The login e-mail, unique among admins (compared case-insensitively).</summary>
    public string? Email { get; init; }

    /// <summary>The password hash the gateway computed; null in every answer except the login lookup.</summary>
    public string? PasswordHash { get; init; }

    /// <summary>The hospital the admin works for, at most 100 characters.</summary>
    public string? Hospital { get; init; }

    /// <summary>The two-digit province code.</summary>
    public string? Province { get; init; }
}
