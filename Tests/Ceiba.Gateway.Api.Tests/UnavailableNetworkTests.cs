using System.Net;
using System.Net.Http.Json;
using Ceiba.Testing.Fabric;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>When Fabric cannot be reached the service answers 503, never a hang, a 500 or a stack trace.</summary>
public sealed class UnavailableNetworkTests
{
    [Fact]
    public async Task A_network_whose_peer_never_started_gives_503_and_an_unhealthy_service()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var generated = TestNetwork.Generate("seed");
        await using var api = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Ceiba:Network:Directory"] = generated.Root }, cancellationToken);
        using var client = api.Client();

        // Act
        using var login = await client.PostAsJsonAsync("api/auth/login", new { email = "admin@ceiba.local", password = "any-password" }, cancellationToken);
        using var health = await client.GetAsync("health", cancellationToken);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(login, HttpStatusCode.ServiceUnavailable, cancellationToken);
        Assert.Contains("did not answer", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task Requests_after_the_network_stops_get_503()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var network = await EmbeddedEhrNetwork.StartAsync("seed", cancellationToken);
        await using var api = await ApiHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Ceiba:Network:Directory"] = network.Network.Root,
                ["Ceiba:Api:DefaultAdmin:Password"] = "stopping-network-password",
            },
            cancellationToken);
        await api.WaitHealthyAsync(cancellationToken);
        using var admin = await api.LoginAsync("admin@ceiba.local", "stopping-network-password", cancellationToken);
        using var before = await admin.GetAsync("api/admins", cancellationToken);

        // Act
        await network.DisposeAsync();
        using var list = await admin.GetAsync("api/admins", cancellationToken);
        using var create = await admin.PostAsJsonAsync("api/doctors", Records.Doctor("late-doctor", "late@ameijeiras.cu", "long-enough-password"), cancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.ServiceUnavailable, cancellationToken);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.ServiceUnavailable, cancellationToken);
    }

    [Fact]
    public async Task A_missing_network_directory_gives_503_naming_no_paths()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var missing = Path.Combine(Path.GetTempPath(), "ceiba-no-such-network-" + Guid.NewGuid().ToString("N"));
        await using var api = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Ceiba:Network:Directory"] = missing }, cancellationToken);
        using var client = api.Client();

        // Act
        using var login = await client.PostAsJsonAsync("api/auth/login", new { email = "admin@ceiba.local", password = "any-password" }, cancellationToken);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(login, HttpStatusCode.ServiceUnavailable, cancellationToken);
        Assert.DoesNotContain(missing, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(api.Logs.Messages, m => m.Contains(missing, StringComparison.Ordinal) && m.Contains("does not exist", StringComparison.Ordinal));
    }
}
