using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.Testing;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.AppHost.Tests.EndToEnd;

/// <summary>
/// Through Gateway.Api as the AppHost starts it: the default admin creates a doctor, the doctor creates a person, and
/// that transaction is VALID on all three peers at the same block hash. Every resource is Running and Healthy.
/// </summary>
[Collection(Cuba3AppCollection.Name)]
public sealed class GatewayApiEndToEndTests(Cuba3AppFixture fixture)
{
    [Fact]
    public async Task Every_resource_including_the_gateway_is_running_and_healthy()
    {
        // Arrange
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        string[] names = [.. fixture.NetworkResources, "gateway-api"];

        // Act
        var healthy = new List<string>();
        foreach (var name in names)
        {
            await fixture.RunningAndHealthyAsync(name, timeout.Token);
            healthy.Add(name);
        }

        // Assert
        Assert.Equal(10, healthy.Count);
        Assert.Contains("gateway-api", healthy);
    }

    [Fact]
    public async Task A_person_created_by_a_doctor_through_the_api_commits_valid_on_all_three_peers_at_the_same_block_hash()
    {
        // Arrange
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        await fixture.RunningAndHealthyAsync("gateway-api", timeout.Token);
        using var api = fixture.App.CreateHttpClient("gateway-api", "http");
        api.Timeout = TimeSpan.FromMinutes(2);
        var unique = Random.Shared.Next(1_000_000, int.MaxValue);
        var doctorEmail = $"doctor{unique}@hab-ameijeiras.ceiba.local";
        const string doctorPassword = "Guayabera-2026-consulta";
        var personId = unique;

        // Act
        var adminToken = await LoginAsync(api, "admin@ceiba.local", fixture.AdminPassword, timeout.Token);
        using var createDoctor = await PostAsync(api, "/api/doctors", adminToken, new JsonObject
        {
            ["doctor_id"] = $"doc-{unique}",
            ["first_name"] = "Ana",
            ["last_name"] = "Pérez",
            ["email"] = doctorEmail,
            ["specialty"] = "Cardiología",
            ["hospital"] = "hab-ameijeiras",
            ["province"] = "03",
            ["password"] = doctorPassword,
        }, timeout.Token);
        var doctorToken = await LoginAsync(api, doctorEmail, doctorPassword, timeout.Token);
        using var createPerson = await PostAsync(api, "/api/persons", doctorToken, new JsonObject
        {
            ["person_id"] = personId,
            ["gender_concept_id"] = 8532,
            ["year_of_birth"] = 1984,
            ["race_concept_id"] = 8527,
            ["ethnicity_concept_id"] = 38003563,
            ["province"] = "03",
        }, timeout.Token);
        using var reader = fixture.User("doctor1", "habana.ceiba.local", "HabanaMSP");
        var landings = new List<LedgerProbe.Landing>();
        foreach (var peer in fixture.PeerNames)
        {
            using var channel = fixture.PeerChannel(peer);
            landings.Add(await LedgerProbe.FindAsync(channel, reader, "ehr", 0, (_, envelope) => LedgerProbe.Contains(envelope, $"\"person_id\":{personId}"), timeout.Token));
        }

        // Assert
        Assert.Equal(HttpStatusCode.Created, createDoctor.StatusCode);
        Assert.Equal(HttpStatusCode.Created, createPerson.StatusCode);
        Assert.Equal(3, landings.Count);
        Assert.All(landings, landing => Assert.Equal(TxValidationCode.Valid, landing.Code));
        Assert.Single(landings.Select(landing => (landing.BlockNumber, landing.HeaderHash, landing.TransactionId)).Distinct());
    }

    private static async Task<string> LoginAsync(HttpClient api, string email, string password, CancellationToken cancellationToken)
    {
        using var response = await api.PostAsJsonAsync("/api/auth/login", new { email, password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        return body["access_token"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient api, string path, string token, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await api.SendAsync(request, cancellationToken);
    }
}
