using System.Security.Claims;

namespace Ceiba.Gateway.Api.Auth;

/// <summary>A signed-in admin or doctor, as carried by the auth cookie or bearer token.</summary>
/// <param name="Id">The account id (admin_id or doctor_id).</param>
/// <param name="Email">The login e-mail.</param>
/// <param name="Role"><see cref="EhrRoles.Admin"/> or <see cref="EhrRoles.Doctor"/>.</param>
/// <param name="Hospital">The hospital id; requests are signed with that hospital's identity.</param>
/// <param name="Province">The two-digit province code.</param>
public sealed record EhrUser(string Id, string Email, string Role, string Hospital, string Province)
{
    /// <summary>The claim type of the hospital id.</summary>
    public const string HospitalClaim = "hospital";

    /// <summary>The claim type of the province code.</summary>
    public const string ProvinceClaim = "province";

    /// <summary>The authentication type of the identities this API issues.</summary>
    public const string AuthenticationType = "Ceiba";

    /// <summary>The user's claims principal.</summary>
    public ClaimsPrincipal ToPrincipal() => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Id),
            new Claim(ClaimTypes.Name, Email),
            new Claim(ClaimTypes.Email, Email),
            new Claim(ClaimTypes.Role, Role),
            new Claim(HospitalClaim, Hospital),
            new Claim(ProvinceClaim, Province),
        ],
        AuthenticationType,
        ClaimTypes.Name,
        ClaimTypes.Role));

    /// <summary>The user of an authenticated principal.</summary>
    /// <exception cref="InvalidOperationException">The principal lacks one of this API's claims.</exception>
    public static EhrUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new EhrUser(
            Claim(principal, ClaimTypes.NameIdentifier),
            Claim(principal, ClaimTypes.Email),
            Claim(principal, ClaimTypes.Role),
            Claim(principal, HospitalClaim),
            Claim(principal, ProvinceClaim));
    }

    private static string Claim(ClaimsPrincipal principal, string type) =>
        principal.FindFirstValue(type) ?? throw new InvalidOperationException($"The signed-in principal has no '{type}' claim.");
}
