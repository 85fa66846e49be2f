using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Ceiba.Gateway.Api.Auth;

/// <summary>
/// Cookie for browsers, ASP.NET Core's bearer token for API clients, and a policy scheme that picks one by the
/// Authorization header. Both answer 401 and 403 instead of redirecting.
/// </summary>
public static class AuthSchemes
{
    /// <summary>The default scheme: forwards to <see cref="Bearer"/> or <see cref="Cookie"/>.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    /// <summary>The cookie scheme.</summary>
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The bearer token scheme.</summary>
    public const string Bearer = BearerTokenDefaults.AuthenticationScheme;

    /// <summary>The auth cookie's name.</summary>
    public const string CookieName = "ceiba.auth";

    /// <summary>Adds the schemes and the role policies.</summary>
    public static IServiceCollection AddEhrAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var lifetime = configuration.GetValue("Ceiba:Api:TokenLifetime", TimeSpan.FromHours(1));
        services.AddAuthentication(CookieOrBearer)
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options => options.ForwardDefaultSelector = SelectScheme)
            .AddCookie(Cookie, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = lifetime;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(Bearer, options => options.BearerTokenExpiration = lifetime);
        services.AddAuthorizationBuilder()
            .AddPolicy(EhrRoles.Admin, policy => policy.RequireRole(EhrRoles.Admin))
            .AddPolicy(EhrRoles.Doctor, policy => policy.RequireRole(EhrRoles.Doctor));
        return services;
    }

    private static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : Cookie;

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
