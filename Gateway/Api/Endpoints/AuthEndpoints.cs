using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ceiba.Gateway.Api.Accounts;
using Ceiba.Gateway.Api.Auth;
using Ceiba.Gateway.Api.Http;
using Microsoft.AspNetCore.Authentication;

namespace Ceiba.Gateway.Api.Endpoints;

/// <summary><c>/api/auth</c>: login (bearer token or cookie), logout and the current user.</summary>
public static class AuthEndpoints
{
    private const string WrongCredentials = "The e-mail or the password is wrong.";

    /// <summary>Maps login, logout and me.</summary>
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var auth = api.MapGroup("auth").WithTags("auth");
        auth.MapPost("login", LoginAsync)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Checks e-mail and password against the ledger; answers a bearer token, or with ?useCookies=true sets the auth cookie (204).")
            .Accepts<LoginRequest>("application/json")
            .Produces<AccessToken>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("logout", (Delegate)LogoutAsync)
            .AllowAnonymous()
            .WithName("Logout")
            .WithSummary("Clears the auth cookie.");
        auth.MapGet("me", (HttpContext context) => TypedResults.Ok(Me.Of(EhrUser.From(context.User))))
            .RequireAuthorization()
            .WithName("Me")
            .WithSummary("The signed-in user.");
        return api;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, string? useCookies, LoginService login, TokenIssuer tokens)
    {
        var (body, problem) = await JsonBody.ReadObjectAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var email = RequiredText(body, "email", errors);
        var password = RequiredText(body, "password", errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var user = await login.AuthenticateAsync(email!, password!, context.RequestAborted);
        if (user is null)
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "Login failed.", WrongCredentials);
        }

        if (string.Equals(useCookies, "true", StringComparison.OrdinalIgnoreCase))
        {
            await context.SignInAsync(AuthSchemes.Cookie, user.ToPrincipal());
            return TypedResults.NoContent();
        }

        return TypedResults.Ok(tokens.Issue(user));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static string? RequiredText(JsonObject body, string field, Dictionary<string, string[]> errors)
    {
        if (body[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text)
        {
            return text;
        }

        errors[field] = [$"{field} is required: a non-empty string"];
        return null;
    }

    /// <summary>The login body.</summary>
    /// <param name="Email">The account's e-mail.</param>
    /// <param name="Password">The password, in plain text over TLS; never logged.</param>
    public sealed record LoginRequest(
        [property: JsonPropertyName("email")] string Email,
        [property: JsonPropertyName("password")] string Password);

    /// <summary>The signed-in user.</summary>
    /// <param name="Id">The account id.</param>
    /// <param name="Email">The e-mail.</param>
    /// <param name="Role">admin or doctor.</param>
    /// <param name="Hospital">The hospital id.</param>
    /// <param name="Province">The province code.</param>
    public sealed record Me(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("email")] string Email,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("hospital")] string Hospital,
        [property: JsonPropertyName("province")] string Province)
    {
        internal static Me Of(EhrUser user) => new(user.Id, user.Email, user.Role, user.Hospital, user.Province);
    }
}
