using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ceiba.Testing.Fabric;

namespace Ceiba.Gateway.Api.Tests;

/// <summary>The three-province network: requests signed by the user's hospital identity and endorsed by a majority of orgs.</summary>
public sealed class MultiOrgTests
{
    [Fact]
    public async Task A_villa_clara_doctor_records_a_patient_that_la_habana_reads_on_cuba_3()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var network = await EmbeddedEhrNetwork.StartAsync("cuba-3", cancellationToken);
        await using var api = await ApiHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Ceiba:Network:Directory"] = network.Network.Root,
                ["Ceiba:Api:DefaultAdmin:Password"] = "cuba-3-admin-password",
            },
            cancellationToken);
        await api.WaitHealthyAsync(cancellationToken);
        using var admin = await api.LoginAsync("admin@ceiba.local", "cuba-3-admin-password", cancellationToken);
        foreach (var (id, hospital) in ((string, string)[])[("vc-doctor", "vcl-arnaldo-milian"), ("hab-doctor", "hab-calixto-garcia")])
        {
            var doctor = Records.Doctor(id, $"{id}@salud.cu", "cuba-3-doctor-password");
            doctor["hospital"] = hospital;
            using var createdDoctor = await admin.PostAsJsonAsync("api/doctors", doctor, cancellationToken);
            Assert.Equal(HttpStatusCode.Created, createdDoctor.StatusCode);
        }

        using var villaClara = await api.LoginAsync("vc-doctor@salud.cu", "cuba-3-doctor-password", cancellationToken);
        using var habana = await api.LoginAsync("hab-doctor@salud.cu", "cuba-3-doctor-password", cancellationToken);
        var person = Records.Person(7001);
        person["province"] = "05";

        // Act
        var me = await villaClara.GetFromJsonAsync<JsonObject>("api/auth/me", cancellationToken);
        using var created = await villaClara.PostAsJsonAsync("api/persons", person, cancellationToken);
        var read = await habana.GetFromJsonAsync<JsonObject>("api/persons/7001", cancellationToken);

        // Assert
        Assert.Equal("05", me!["province"]!.GetValue<string>());
        Assert.Equal("vcl-arnaldo-milian", me["hospital"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("05", read!["province"]!.GetValue<string>());
    }
}
