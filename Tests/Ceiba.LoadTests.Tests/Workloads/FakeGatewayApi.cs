using Ceiba.LoadTests.Workloads;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>
/// A stand-in for Gateway.Api on Kestrel (a free loopback port), implementing only the routes of the HTTP contract
/// (/work/notes/api-contract.md) that the workloads call, with bearer tokens, roles, 201/401/403/404/409, and an
/// in-memory store. The real API was being built in parallel; this is the one test double of the HTTP target's tests.
/// </summary>
internal sealed class FakeGatewayApi : IAsyncDisposable
{
    public const string AdminEmail = "admin@ceiba.local";
    public const string AdminPassword = "s3cret-admin";

    private static readonly Dictionary<string, (string Id, bool NeedsPerson)> Collections = new()
    {
        ["persons"] = ("person_id", false),
        ["visits"] = ("visit_occurrence_id", true),
        ["conditions"] = ("condition_occurrence_id", true),
        ["drug-exposures"] = ("drug_exposure_id", true),
        ["notes"] = ("note_id", true),
    };

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Password, string Role)> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, JsonObject>> _records = new(StringComparer.Ordinal);

    private FakeGatewayApi(WebApplication app)
    {
        _app = app;
        _accounts[AdminEmail] = (AdminPassword, "admin");
        foreach (var collection in Collections.Keys)
        {
            _records[collection] = new();
        }
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A path (e.g. <c>/api/notes</c>) that answers 503, as when Fabric is unavailable.</summary>
    public string? UnavailableRoute { get; set; }

    public ConcurrentQueue<JsonObject> CreatedDoctors { get; } = new();

    public int Count(string collection) => _records[collection].Count;

    public static async Task<FakeGatewayApi> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var api = new FakeGatewayApi(builder.Build());
        api.Map();
        await api._app.StartAsync(cancellationToken);
        var address = api._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.BaseAddress = new Uri(address);
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            if (UnavailableRoute is { } route && context.Request.Path.StartsWithSegments(route, StringComparison.Ordinal))
            {
                await Problem(context, 503, "Fabric is unavailable");
                return;
            }

            await next(context);
        });
        _app.MapPost("/api/auth/login", LoginAsync);
        _app.MapPost("/api/doctors", CreateDoctorAsync);
        _app.MapGet("/api/persons", ListPersonsAsync);
        _app.MapGet("/api/persons/{id:long}/record", PatientRecordAsync);
        foreach (var collection in Collections.Keys)
        {
            _app.MapPost($"/api/{collection}", context => CreateAsync(context, collection));
        }
    }

    private async Task LoginAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        var email = body?["email"]?.GetValue<string>() ?? string.Empty;
        if (!_accounts.TryGetValue(email, out var account) || account.Password != body?["password"]?.GetValue<string>())
        {
            await Problem(context, 401, "wrong e-mail or password");
            return;
        }

        var token = Guid.NewGuid().ToString("N");
        _tokens[token] = account.Role;
        await Json(context, 200, new JsonObject { ["token_type"] = "Bearer", ["access_token"] = token, ["expires_in"] = 3600 });
    }

    private async Task CreateDoctorAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context, "admin"))
        {
            return;
        }

        var body = (await ReadAsync(context))!;
        var email = body["email"]?.GetValue<string>();
        var password = body["password"]?.GetValue<string>();
        if (email is null || password is null || body["doctor_id"] is null || body["hospital"] is null || body.ContainsKey("password_hash"))
        {
            await Problem(context, 400, "doctor_id, email, password and hospital are required; password_hash is not accepted");
            return;
        }

        if (!_accounts.TryAdd(email, (password, "doctor")))
        {
            await Problem(context, 409, $"e-mail {email} is taken");
            return;
        }

        CreatedDoctors.Enqueue(body.DeepClone().AsObject());
        body.Remove("password");
        await Json(context, 201, body);
    }

    private async Task CreateAsync(HttpContext context, string collection)
    {
        if (!await AuthorizeAsync(context, "doctor"))
        {
            return;
        }

        var body = (await ReadAsync(context))!;
        var (idField, needsPerson) = Collections[collection];
        var id = body[idField]?.GetValue<long>() ?? 0;
        if (needsPerson && !_records["persons"].ContainsKey(body["person_id"]?.GetValue<long>() ?? 0))
        {
            await Problem(context, 404, "person not found");
            return;
        }

        if (id <= 0 || !_records[collection].TryAdd(id, body))
        {
            await Problem(context, 409, $"{idField} {id} exists or is invalid");
            return;
        }

        context.Response.Headers.Location = $"/api/{collection}/{id}";
        await Json(context, 201, body);
    }

    private async Task ListPersonsAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context, "doctor"))
        {
            return;
        }

        var size = int.TryParse(context.Request.Query["pageSize"], out var n) ? n : 20;
        var page = _records["persons"].OrderBy(p => p.Key).Take(size).Select(p => (JsonNode)p.Value.DeepClone()).ToArray();
        await Json(context, 200, new JsonObject { ["records"] = new JsonArray(page), ["fetched_records_count"] = page.Length, ["bookmark"] = string.Empty });
    }

    private async Task PatientRecordAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context, "doctor"))
        {
            return;
        }

        var id = long.Parse((string)context.Request.RouteValues["id"]!, System.Globalization.CultureInfo.InvariantCulture);
        if (!_records["persons"].TryGetValue(id, out var person))
        {
            await Problem(context, 404, $"person {id} not found");
            return;
        }

        await Json(context, 200, new JsonObject { ["person"] = person.DeepClone(), ["notes"] = new JsonArray() });
    }

    private async Task<bool> AuthorizeAsync(HttpContext context, string role)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.TryGetValue(header["Bearer ".Length..], out var actual))
        {
            await Problem(context, 401, "not authenticated");
            return false;
        }

        if (actual != role)
        {
            await Problem(context, 403, $"requires role {role}");
            return false;
        }

        return true;
    }

    private static async Task<JsonObject?> ReadAsync(HttpContext context) => await JsonNode.ParseAsync(context.Request.Body) as JsonObject;

    private static Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Problem(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(new JsonObject { ["status"] = status, ["title"] = "error", ["detail"] = detail }.ToJsonString());
    }
}
