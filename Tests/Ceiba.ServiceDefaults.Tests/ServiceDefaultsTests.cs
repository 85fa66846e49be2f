using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ceiba.ServiceDefaults.Tests;

public class ServiceDefaultsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_reports_every_check_and_alive_only_the_live_ones()
    {
        // Arrange
        await using var app = await StartAsync(builder => builder.Services.AddHealthChecks()
            .AddCheck("channel-joined", () => HealthCheckResult.Unhealthy("not joined to channel ehr")));
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        // Act
        using var health = await client.GetAsync("/health", Ct);
        using var alive = await client.GetAsync("/alive", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Ceiba_activity_sources_and_meters_are_collected()
    {
        // Arrange
        using var source = new ActivitySource("Ceiba.Tests.Source");
        using var meter = new Meter("Ceiba.Tests.Meter");
        var exported = new List<Activity>();
        await using var app = await StartAsync(builder => builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddInMemoryExporter(exported)));

        // Act
        using (var activity = source.StartActivity("endorse"))
        {
            activity?.SetTag("tx_id", "abc");
        }
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // Assert
        Assert.True(source.HasListeners());
        Assert.Contains(exported, a => a.OperationName == "endorse" && (string?)a.GetTagItem("tx_id") == "abc");
        Assert.NotNull(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Sources_outside_Ceiba_are_not_collected()
    {
        // Arrange
        using var other = new ActivitySource("Someone.Else");
        await using var app = await StartAsync(_ => { });

        // Act
        var listened = other.HasListeners();

        // Assert
        Assert.False(listened);
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        configure(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(Ct);
        return app;
    }
}
