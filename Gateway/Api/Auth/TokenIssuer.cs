using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Ceiba.Gateway.Api.Auth;

/// <summary>
/// Issues access tokens that the built-in bearer token handler accepts (same protector, an expiry in the ticket),
/// answered in the contract's snake_case shape rather than the handler's own camelCase one.
/// </summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
{
    /// <summary>A token for <paramref name="user"/>.</summary>
    public AccessToken Issue(EhrUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var bearer = options.Get(AuthSchemes.Bearer);
        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + bearer.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(user.ToPrincipal(), properties, $"{AuthSchemes.Bearer}:AccessToken");
        return new AccessToken("Bearer", bearer.BearerTokenProtector.Protect(ticket), (long)bearer.BearerTokenExpiration.TotalSeconds);
    }
}

/// <summary>The login answer for API clients.</summary>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="Token">The token to send as <c>Authorization: Bearer &lt;token&gt;</c>.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
public sealed record AccessToken(
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("access_token")] string Token,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);
