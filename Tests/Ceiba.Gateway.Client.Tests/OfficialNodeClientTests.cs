using System.Text.Json.Nodes;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Testing;
using Grpc.Core;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>
/// The official Node <c>@hyperledger/fabric-gateway</c> client runs against the same fake gateway peer as ours: both
/// must send equivalent requests, and the fake's errors must decode in Node exactly as they do in C#.
/// </summary>
public sealed class OfficialNodeClientTests
{
    private static JsonObject Input(GatewayFixture fixture, string mode, string transaction, params string[] arguments) => new()
    {
        ["address"] = new Uri(fixture.Server.Address).Authority,
        ["mspId"] = ClientIdentities.MspId,
        ["certificatePem"] = fixture.Identities.ClientCredential.CertificatePem,
        ["privateKeyPem"] = fixture.Identities.ClientCredential.PrivateKeyPem,
        ["channel"] = GatewayFixture.Channel,
        ["chaincode"] = GatewayFixture.Chaincode,
        ["transaction"] = transaction,
        ["arguments"] = new JsonArray([.. arguments.Select(a => (JsonNode)a)]),
        ["transient"] = new JsonObject { ["ssn"] = "85010112345" },
        ["endorsingOrganizations"] = new JsonArray("HabanaMSP"),
        ["mode"] = mode,
    };

    [Fact]
    public async Task Node_and_csharp_clients_send_equivalent_requests_through_every_stage()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var options = ProposalOptions.FromArguments("p-1").WithTransient("ssn", "85010112345") with { EndorsingOrganizations = ["HabanaMSP"] };

        // Act
        var node = (await NodeInterop.RunJsonAsync("gateway/client.js", Input(fixture, "submit", "CreatePerson", "p-1"), cancellationToken: ct))!;
        await fixture.Contract.SubmitTransactionAsync("CreatePerson", options, ct);

        // Assert
        Assert.Equal("CreatePerson(p-1)", node.Str("result"));
        Assert.True(node.Bool("status.successful"));
        Assert.Equal(7, node.Long("status.blockNumber"));
        var endorsements = fixture.State.Endorsed.ToArray();
        Assert.Equal(2, endorsements.Length);
        var (fromNode, fromUs) = (ProposalParts.Read(endorsements[0].ProposedTransaction), ProposalParts.Read(endorsements[1].ProposedTransaction));
        Assert.Equal(node.Str("transactionId"), endorsements[0].TransactionId);
        Assert.Equal(fromNode.ChannelHeader.Type, fromUs.ChannelHeader.Type);
        Assert.Equal(fromNode.ChannelHeader.Version, fromUs.ChannelHeader.Version);
        Assert.Equal(fromNode.ChannelHeader.Epoch, fromUs.ChannelHeader.Epoch);
        Assert.Equal(fromNode.ChannelHeader.ChannelId, fromUs.ChannelHeader.ChannelId);
        Assert.Equal(fromNode.ChannelHeader.Extension, fromUs.ChannelHeader.Extension);
        Assert.Equal(fromNode.ChannelHeader.TlsCertHash, fromUs.ChannelHeader.TlsCertHash);
        Assert.Equal(fromNode.SignatureHeader.Creator, fromUs.SignatureHeader.Creator);
        Assert.Equal(fromNode.SignatureHeader.Nonce.Length, fromUs.SignatureHeader.Nonce.Length);
        Assert.Equal(fromNode.Spec, fromUs.Spec);
        Assert.Equal(fromNode.Payload.TransientMap, fromUs.Payload.TransientMap);
        Assert.Equal(fromNode.Proposal.Extension, fromUs.Proposal.Extension);
        Assert.Equal(endorsements[0].EndorsingOrganizations, endorsements[1].EndorsingOrganizations);
        Assert.Equal(endorsements[0].ChannelId, endorsements[1].ChannelId);

        var statusRequests = fixture.State.StatusRequests.Select(r => CommitStatusRequest.Parser.ParseFrom(r.Request)).ToArray();
        Assert.Equal(statusRequests[0].Identity, statusRequests[1].Identity);
        Assert.Equal(statusRequests[0].ChannelId, statusRequests[1].ChannelId);
        Assert.Equal(node.Str("transactionId"), statusRequests[0].TransactionId);
    }

    [Fact]
    public async Task Node_client_evaluates_against_the_fake_peer()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();

        // Act
        var node = (await NodeInterop.RunJsonAsync("gateway/client.js", Input(fixture, "evaluate", "ReadPerson", "p-1", "full"), cancellationToken: TestContext.Current.CancellationToken))!;

        // Assert
        Assert.Equal("ReadPerson(p-1,full)", node.Str("result"));
        Assert.Equal(["HabanaMSP"], Assert.Single(fixture.State.Evaluated).TargetOrganizations);
    }

    [Fact]
    public async Task The_fake_peers_error_details_decode_the_same_in_node_and_csharp()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        fixture.State.Failures[GatewayStage.Endorse] = FakeErrors.WithDetails(
            StatusCode.Aborted,
            "failed to endorse transaction",
            FakeErrors.Detail("peer0.habana.ceiba.local:7051", "HabanaMSP", "chaincode response 500, person p-1 exists"));

        // Act
        var node = (await NodeInterop.RunJsonAsync("gateway/client.js", Input(fixture, "submit", "CreatePerson", "p-1"), cancellationToken: ct))!;
        var ours = await Assert.ThrowsAsync<EndorseException>(() => fixture.Contract.SubmitTransactionAsync("CreatePerson", ProposalOptions.FromArguments("p-1"), ct));

        // Assert
        Assert.Equal("EndorseError", node.Str("error.name"));
        Assert.Equal((int)ours.StatusCode, node.Long("error.code"));
        var detail = Assert.Single(ours.Details);
        Assert.Equal(1, node.Count("error.details"));
        Assert.Equal(detail.Address, node.Str("error.details.0.address"));
        Assert.Equal(detail.MspId, node.Str("error.details.0.mspId"));
        Assert.Equal(detail.Message, node.Str("error.details.0.message"));
    }
}
