using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ceiba.Gateway.Api.Tests;

using Ceiba.Gateway.Client;

/// <summary>The OpenAPI document, and request activities as parents of the gateway client's spans.</summary>
public sealed class OpenApiAndTracingTests(SeedApiFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_lists_the_contracts_routes()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Api.Client();

        // Act
        var document = await client.GetFromJsonAsync<JsonObject>("openapi/v1.json", cancellationToken);

        // Assert
        var paths = document!["paths"]!.AsObject();
        foreach (var path in (string[])["/api/auth/login", "/api/auth/me", "/api/admins", "/api/doctors/{id}", "/api/persons", "/api/persons/{id}/record",
                     "/api/visits", "/api/conditions", "/api/drug-exposures", "/api/notes/{id}", "/api/history/{recordType}/{id}"])
        {
            Assert.True(paths.ContainsKey(path), $"the document should have {path}");
        }
    }

    [Fact]
    public async Task Each_request_activity_is_the_parent_of_the_gateway_client_spans()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var admin = await fixture.AdminAsync(cancellationToken);
        var started = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GatewayDiagnostics.ActivitySourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = started.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        // Act
        using var response = await admin.GetAsync("api/admins?pageSize=5", cancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spans = started.Where(a => a.Source.Name == GatewayDiagnostics.ActivitySourceName).ToList();
        Assert.NotEmpty(spans);
        Assert.All(spans, span =>
        {
            Assert.Equal("Microsoft.AspNetCore", span.Parent?.Source.Name);
            Assert.Equal(span.Parent!.TraceId, span.TraceId);
            Assert.Contains(span.Parent, started);
        });
    }
}
