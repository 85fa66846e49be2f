using System.Text.Json;
using System.Text.Json.Nodes;
using Ceiba.Chaincode.Ehr;
using Ceiba.Chaincode.Ehr.Models;
using Ceiba.Testing;

namespace Ceiba.Network.Peer.Tests.Node;

public sealed class NodeGatewayEhrInteropTests(EhrNetworkFixture fixture) : IClassFixture<EhrNetworkFixture>
{
    [Fact]
    public async Task The_official_node_gateway_client_runs_the_csharp_ehr_chaincode_on_a_3_org_embedded_network()
    {
        // Arrange
        var network = fixture.Network;
        var config = network.Config(network.PeerNames[0]);
        var msp = network.ClientMspDirectory();
        var person = JsonSerializer.Serialize(
            new Person { PersonId = 7, GenderConceptId = 8532, YearOfBirth = 1984, MonthOfBirth = 2, DayOfBirth = 29, RaceConceptId = 1546847, EthnicityConceptId = 38003563, CareSiteId = 301, Province = "03" },
            EhrJsonContext.Default.Person);
        var request = new JsonObject
        {
            ["address"] = $"localhost:{config.Listen.Port}",
            ["tlsCaPem"] = File.ReadAllText(Path.Combine(network.Root, config.TlsDirectory, "ca.crt")),
            ["hostName"] = config.HostName,
            ["mspId"] = config.MspId,
            ["certPem"] = File.ReadAllText(Directory.GetFiles(Path.Combine(msp, "signcerts")).Single()),
            ["keyPem"] = File.ReadAllText(Directory.GetFiles(Path.Combine(msp, "keystore")).Single()),
            ["channel"] = network.Channel,
            ["chaincode"] = "ehr",
            ["submit"] = new JsonArray(new JsonArray("CreatePerson", person)),
            ["evaluate"] = new JsonArray("GetPerson", "7"),
        };

        // Act
        var result = (await NodeInterop.RunJsonAsync("gateway/gateway-client.js", request, new NodeRunOptions { Timeout = TimeSpan.FromSeconds(90) }, TestContext.Current.CancellationToken))!;

        // Assert
        var submitted = result["submitted"]!.AsArray().Single()!;
        Assert.Equal((0, true), (submitted["code"]!.GetValue<int>(), submitted["successful"]!.GetValue<bool>()));
        var read = JsonNode.Parse(result["evaluated"]!.GetValue<string>())!;
        Assert.Equal(7, read["person_id"]!.GetValue<long>());
        var chaincodeEvent = result["events"]!.AsArray().Single()!;
        Assert.Equal("PersonCreated", chaincodeEvent["eventName"]!.GetValue<string>());
        Assert.Equal(submitted["transactionId"]!.GetValue<string>(), chaincodeEvent["transactionId"]!.GetValue<string>());
    }
}
