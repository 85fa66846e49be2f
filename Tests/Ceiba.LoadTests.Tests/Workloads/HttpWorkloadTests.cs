using Ceiba.LoadTests.Workloads;
using System.Diagnostics;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Scenarios;
using Ceiba.LoadTests.Workloads.Flows;
using Ceiba.Testing.Fabric;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>The HTTP target against a Kestrel stand-in of Gateway.Api's contract, with the seed topology's generated layout.</summary>
public sealed class HttpWorkloadTests
{
    [Fact]
    public async Task The_flows_run_over_HTTP_as_doctor_accounts_the_workload_created()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        await using var api = await FakeGatewayApi.StartAsync(cancellationToken);
        var sink = new RecordingSink();
        await using var workload = await WorkloadFactory.CreateAsync(Request(network, api, sink), cancellationToken);

        // Act
        foreach (var name in FlowNames.All)
        {
            var sequence = Enumerable.Range(0, 10_000).First(s => workload.Flows.Next(s).Name == name);
            await workload.Flows.Next(sequence).RunAsync(new FlowContext(sequence, -1, Stopwatch.GetTimestamp(), sink), cancellationToken);
        }

        // Assert
        var doctor = Assert.Single(api.CreatedDoctors);
        Assert.Equal("hab-ameijeiras", doctor["hospital"]!.GetValue<string>());
        Assert.Equal("03", doctor["province"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(doctor["password"]!.GetValue<string>()));
        Assert.Contains("1 hospitals as clients", workload.Description, StringComparison.Ordinal);
        Assert.Contains("20 persons preloaded", workload.Description, StringComparison.Ordinal);
        Assert.All(sink.Samples, s => Assert.True(s.Failure == FailureKind.None, $"{s.Type}: {s.Failure} {s.Error}"));
        Assert.All(sink.Samples, s => Assert.Equal("03", s.Province));
        Assert.All(sink.Samples, s => Assert.Null(s.Endorse));
        Assert.Superset(
            new HashSet<string> { "POST /api/auth/login", "GET /api/persons", "GET /api/persons/{id}/record", "POST /api/persons", "POST /api/visits", "POST /api/conditions", "POST /api/notes" },
            sink.Samples.Select(s => s.Type).ToHashSet());
        Assert.True(api.Count("notes") >= 2);
    }

    [Fact]
    public async Task An_answer_outside_2xx_is_reported_as_an_HTTP_failure()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        await using var api = await FakeGatewayApi.StartAsync(cancellationToken);
        var sink = new RecordingSink();
        await using var workload = await WorkloadFactory.CreateAsync(Request(network, api, sink), cancellationToken);
        var sequence = Enumerable.Range(0, 10_000).First(s => workload.Flows.Next(s).Name == FlowNames.CreateNote);
        api.UnavailableRoute = "/api/notes";

        // Act
        await workload.Flows.Next(sequence).RunAsync(new FlowContext(sequence, -1, Stopwatch.GetTimestamp(), sink), cancellationToken);

        // Assert
        var sample = Assert.Single(sink.Samples);
        Assert.Equal(("POST /api/notes", FailureKind.Http, true), (sample.Type, sample.Failure, sample.IsWrite));
        Assert.Contains("503", sample.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_admin_password_stops_the_setup_with_a_clear_error()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        await using var api = await FakeGatewayApi.StartAsync(cancellationToken);
        var request = Request(network, api, new RecordingSink()) with { ApiAdminPassword = "wrong" };

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WorkloadFactory.CreateAsync(request, cancellationToken));

        // Assert
        Assert.Contains("could not log in as the API admin admin@ceiba.local", error.Message, StringComparison.Ordinal);
        Assert.Contains("Http", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_HTTP_target_without_an_API_address_is_refused()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var request = new WorkloadRequest(TestScenarios.AllFlows(ScenarioTarget.Http), network.Root, new RecordingSink(), ApiAdminEmail: "a@b.c", ApiAdminPassword: "x");

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => WorkloadFactory.CreateAsync(request, cancellationToken));

        // Assert
        Assert.Contains("ApiBaseAddress", error.Message, StringComparison.Ordinal);
    }

    private static WorkloadRequest Request(TestNetwork network, FakeGatewayApi api, IMetricsSink sink) =>
        new(TestScenarios.AllFlows(ScenarioTarget.Http), network.Root, sink, api.BaseAddress, FakeGatewayApi.AdminEmail, FakeGatewayApi.AdminPassword);
}
