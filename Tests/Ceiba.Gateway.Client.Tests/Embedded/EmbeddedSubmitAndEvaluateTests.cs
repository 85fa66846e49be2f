using System.Text;
using System.Text.Json.Nodes;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Gateway.Client.Tests.Embedded;

using Ceiba.Gateway.Client;

/// <summary>Submit and evaluate through a real peer of the three-org cuba-3 network, whose EHR chaincode needs a MAJORITY of orgs.</summary>
public sealed class EmbeddedSubmitAndEvaluateTests(CubaNetworkFixture fixture) : IClassFixture<CubaNetworkFixture>
{
    [Fact]
    public async Task A_submitted_person_is_endorsed_by_a_majority_of_orgs_and_can_be_evaluated_back()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var id = CubaNetworkFixture.NextId();

        // Act
        var transaction = await fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(id, 1984))).EndorseAsync(ct);
        var status = await (await transaction.SubmitAsync(ct)).GetStatusAsync(ct);
        var read = await fixture.Contract.EvaluateTransactionAsync("GetPerson", ProposalOptions.FromArguments(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);

        // Assert
        Assert.True(status.Successful, $"commit status {status.Code}");
        var envelope = PreparedTransaction.Parser.ParseFrom(transaction.Bytes).Envelope;
        var action = ChaincodeActionPayload.Parser.ParseFrom(Ceiba.Network.Protos.Peer.Transaction.Parser.ParseFrom(Payload.Parser.ParseFrom(envelope.Payload).Data).Actions[0].Payload).Action;
        var endorsingOrgs = action.Endorsements.Select(e => SerializedIdentity.Parser.ParseFrom(e.Endorser).Mspid).Distinct().ToList();
        Assert.Equal(2, endorsingOrgs.Count);
        Assert.Contains(fixture.MspIds[0], endorsingOrgs);
        Assert.Equal(1984, JsonNode.Parse(Encoding.UTF8.GetString(read))!["year_of_birth"]!.GetValue<int>());
    }

    [Fact]
    public async Task SubmitTransaction_returns_after_the_commit_so_every_peer_can_read_the_record()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var id = CubaNetworkFixture.NextId();
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Act
        await fixture.Contract.SubmitTransactionAsync("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(id, 1990)), ct);
        var reads = new List<int>();
        for (var peer = 0; peer < fixture.Network.PeerNames.Count; peer++)
        {
            var gateway = Gateway.Connect(fixture.Doctor, fixture.Channel(peer));
            var contract = gateway.GetNetwork(fixture.Network.Channel).GetContract(CubaNetworkFixture.Chaincode);
            var read = await ReadWhenCommittedAsync(contract, idText, ct);
            reads.Add(JsonNode.Parse(Encoding.UTF8.GetString(read))!["year_of_birth"]!.GetValue<int>());
        }

        // Assert
        Assert.Equal([1990, 1990, 1990], reads);
    }

    [Fact]
    public async Task Evaluate_runs_on_the_peer_of_the_target_organization()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var target = fixture.MspIds[2];
        var missing = CubaNetworkFixture.NextId().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var options = ProposalOptions.FromArguments(missing) with { EndorsingOrganizations = [target] };

        // Act
        var error = await Assert.ThrowsAsync<GatewayException>(() => fixture.Contract.EvaluateTransactionAsync("GetPerson", options, ct));

        // Assert: the chaincode's 404 comes from the one peer of the target org, not the gateway's own.
        var detail = Assert.Single(error.Details);
        Assert.Equal(target, detail.MspId);
        Assert.Contains("404", detail.Message, StringComparison.Ordinal);
        Assert.Equal(GatewayStage.Evaluate, error.Stage);
    }

    /// <summary>Other peers commit the block a little after the gateway's peer reports it: wait (generously) for it.</summary>
    private static async Task<byte[]> ReadWhenCommittedAsync(Contract contract, string id, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await contract.EvaluateTransactionAsync("GetPerson", ProposalOptions.FromArguments(id), cancellationToken);
            }
            catch (GatewayException error) when (DateTime.UtcNow < deadline && error.Message.Contains("404", StringComparison.Ordinal))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
