using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ceiba.LoadTests.Workloads.Clients;
using Ceiba.LoadTests.Workloads.Flows;

namespace Ceiba.LoadTests.Workloads.HttpTarget;

/// <summary>
/// A hospital's doctor using Gateway.Api over HTTP with a bearer token. A session's login is a real
/// <c>POST /api/auth/login</c>; the token it gets is kept for the hospital's later requests and renewed when it nears
/// its expiry (the renewal is a login too, and is reported like one).
/// </summary>
/// <param name="hospital">The hospital.</param>
/// <param name="api">Sends and reports requests.</param>
/// <param name="email">The doctor account's e-mail.</param>
/// <param name="password">Its password.</param>
internal sealed class HttpEhrClient(HospitalInfo hospital, ApiCall api, string email, string password) : IEhrClient
{
    public const string LoginType = "POST /api/auth/login";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);
    private volatile Token? _token;

    public HospitalInfo Hospital => hospital;

    public string Email => email;

    /// <summary>The bearer token of the last successful login, if any.</summary>
    public string? CurrentToken => _token?.Value;

    public async Task<bool> LoginAsync(StepTiming step, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new LoginRequest(email, password), ApiJsonContext.Default.LoginRequest);
        var answer = await api.SendAsync(() => Post("/api/auth/login", body), LoginType, false, hospital.Province, null, step, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return false;
        }

        var login = JsonSerializer.Deserialize(answer, ApiJsonContext.Default.LoginResponse);
        if (login is null || string.IsNullOrEmpty(login.AccessToken))
        {
            return false;
        }

        _token = new Token(login.AccessToken, Stopwatch.GetTimestamp() + (long)(TimeSpan.FromSeconds(login.ExpiresIn) - RenewBefore).TotalSeconds * Stopwatch.Frequency);
        return true;
    }

    public async Task<IReadOnlyList<long>?> ListPersonsAsync(int pageSize, StepTiming step, CancellationToken cancellationToken)
    {
        var bearer = await BearerAsync(step, cancellationToken).ConfigureAwait(false);
        var uri = string.Create(CultureInfo.InvariantCulture, $"/api/persons?pageSize={pageSize}");
        var page = await api.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), "GET /api/persons", false, hospital.Province, bearer, step, cancellationToken)
            .ConfigureAwait(false);
        return page is null ? null : ApiPages.Ids(page, "person_id");
    }

    public async Task<bool> GetPatientRecordAsync(long personId, StepTiming step, CancellationToken cancellationToken)
    {
        var bearer = await BearerAsync(step, cancellationToken).ConfigureAwait(false);
        var uri = string.Create(CultureInfo.InvariantCulture, $"/api/persons/{personId}/record");
        return await api.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), "GET /api/persons/{id}/record", false, hospital.Province, bearer, step, cancellationToken)
            .ConfigureAwait(false) is not null;
    }

    /// <remarks><paramref name="prerequisite"/> is the API's business: it answers once the write committed.</remarks>
    public async Task<bool> CreateAsync(EhrWrite write, StepTiming step, CancellationToken cancellationToken, bool prerequisite = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        var bearer = await BearerAsync(step, cancellationToken).ConfigureAwait(false);
        var body = Encoding.UTF8.GetBytes(write.Json);
        return await api.SendAsync(() => Post(write.Route, body), $"POST {write.Route}", true, hospital.Province, bearer, step, cancellationToken)
            .ConfigureAwait(false) is not null;
    }

    internal static HttpRequestMessage Post(string route, byte[] json) => new(HttpMethod.Post, route)
    {
        Content = new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
    };

    /// <summary>The current token, renewed first when it is missing or about to expire (a failed renewal leaves the request to answer 401).</summary>
    private async Task<string?> BearerAsync(StepTiming step, CancellationToken cancellationToken)
    {
        if (_token is { } token && Stopwatch.GetTimestamp() < token.RenewAt)
        {
            return token.Value;
        }

        await LoginAsync(step with { Intended = null }, cancellationToken).ConfigureAwait(false);
        return _token?.Value;
    }

    private sealed record Token(string Value, long RenewAt);
}
