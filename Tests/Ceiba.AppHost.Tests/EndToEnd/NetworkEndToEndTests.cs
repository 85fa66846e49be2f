using Ceiba.Network.Protos.Peer;

namespace Ceiba.AppHost.Tests.EndToEnd;

using Ceiba.Gateway.Client;

/// <summary>cuba-3 started by the AppHost (embedded runtime): healthy nodes, and a transaction valid on every peer at the same block.</summary>
[Collection(Cuba3AppCollection.Name)]
public sealed class NetworkEndToEndTests(Cuba3AppFixture fixture)
{
    [Fact]
    public async Task Every_orderer_chaincode_server_and_peer_is_running_and_healthy()
    {
        // Arrange
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));

        // Act
        var snapshots = new List<(string Name, Aspire.Hosting.ApplicationModel.CustomResourceSnapshot Snapshot)>();
        foreach (var name in fixture.NetworkResources)
        {
            snapshots.Add((name, await fixture.RunningAndHealthyAsync(name, timeout.Token)));
        }

        // Assert
        Assert.Equal(9, snapshots.Count);
        Assert.Equal(["ehr-habana", "ehr-santiago", "ehr-villaclara", "orderer0", "orderer1", "orderer2", "peer0-habana", "peer0-santiago", "peer0-villaclara"], snapshots.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(snapshots, s => Assert.All(s.Snapshot.HealthReports, report => Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, report.Status)));
    }

    [Fact]
    public async Task A_person_submitted_through_a_peer_gateway_commits_valid_on_all_three_peers_at_the_same_block_hash()
    {
        // Arrange
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        using var doctor = fixture.User("doctor1", "habana.ceiba.local", "HabanaMSP");
        using var channel = fixture.PeerChannel("peer0-habana");
        // Generous stage deadlines: the machine is shared and loaded; they bound waiting, they do not measure speed.
        var options = new GatewayOptions { EndorseTimeout = TimeSpan.FromMinutes(1), SubmitTimeout = TimeSpan.FromMinutes(1), CommitStatusTimeout = TimeSpan.FromMinutes(2) };
        var contract = Gateway.Connect(doctor, channel, options).GetNetwork("ehr").GetContract("ehr");
        var personId = Random.Shared.Next(1_000_000, int.MaxValue);
        var person = $$"""{"person_id":{{personId}},"gender_concept_id":8532,"year_of_birth":1984,"race_concept_id":8527,"ethnicity_concept_id":38003563,"province":"03"}""";

        // Act
        var transaction = await contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(person)).EndorseAsync(timeout.Token);
        var commit = await transaction.SubmitAsync(timeout.Token);
        var status = await commit.GetStatusAsync(timeout.Token);
        var landings = new List<LedgerProbe.Landing>();
        foreach (var peer in fixture.PeerNames)
        {
            using var peerChannel = fixture.PeerChannel(peer);
            landings.Add(await LedgerProbe.FindAsync(peerChannel, doctor, "ehr", status.BlockNumber, (txId, _) => txId == commit.TransactionId, timeout.Token));
        }

        // Assert
        Assert.Equal(TxValidationCode.Valid, status.Code);
        Assert.Equal(3, landings.Count);
        Assert.All(landings, landing => Assert.Equal(TxValidationCode.Valid, landing.Code));
        Assert.All(landings, landing => Assert.Equal(status.BlockNumber, landing.BlockNumber));
        Assert.Single(landings.Select(landing => landing.HeaderHash).Distinct());
    }
}
