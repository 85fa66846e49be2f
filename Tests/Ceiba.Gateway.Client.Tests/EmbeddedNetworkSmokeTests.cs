using System.Text;
using System.Text.Json.Nodes;
using Ceiba.Testing.Fabric;

namespace Ceiba.Gateway.Client.Tests;

using Ceiba.Gateway.Client;

/// <summary>The client against the real embedded stack: orderer, peer, C# EHR chaincode.</summary>
public sealed class EmbeddedNetworkSmokeTests
{
    [Fact]
    public async Task Submits_a_person_and_reads_it_back_on_the_seed_network()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var embedded = await EmbeddedEhrNetwork.StartAsync("seed", cancellationToken);
        using var channel = embedded.PeerChannel(embedded.Network.PeerNames[0]);
        var gateway = Gateway.Connect(embedded.Network.Client(), channel);
        var contract = gateway.GetNetwork(embedded.Network.Channel).GetContract("ehr");
        const string person = """{"person_id":11,"gender_concept_id":8507,"year_of_birth":1970,"race_concept_id":8527,"ethnicity_concept_id":38003563,"province":"03"}""";

        // Act
        await contract.SubmitTransactionAsync("CreatePerson", person);
        var read = await contract.EvaluateTransactionAsync("GetPerson", "11");

        // Assert
        Assert.Equal(1970, JsonNode.Parse(Encoding.UTF8.GetString(read))!["year_of_birth"]!.GetValue<int>());
    }
}
