using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>One instance of the EHR service on Kestrel, on a free loopback port, with test configuration.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, Uri address, CapturedLogs logs)
    {
        _app = app;
        Address = address;
        Logs = logs;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Everything the service logged.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>Starts the service with <paramref name="settings"/> on top of the defaults.</summary>
    public static async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var logs = new CapturedLogs();
        var app = EhrApplication.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ceiba:Api:DefaultAdmin:RetryDelay"] = "00:00:00.500",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Ceiba"] = "Information",
            });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync(cancellationToken);
        return new ApiHost(app, new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"), logs);
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A client that keeps cookies.</summary>
    public HttpClient CookieClient() =>
        new(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>A client carrying the bearer token of <paramref name="email"/>.</summary>
    public async Task<HttpClient> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var client = Client();
        using var response = await client.PostAsJsonAsync("api/auth/login", new { email, password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(cancellationToken);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!["access_token"]!.GetValue<string>());
        return client;
    }

    /// <summary>Waits until <c>/health</c> answers 200 (the default admin is on the ledger).</summary>
    public async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = Client();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            using var response = await client.GetAsync("health", timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
