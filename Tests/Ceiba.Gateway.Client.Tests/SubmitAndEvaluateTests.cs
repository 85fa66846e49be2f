using System.Text;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>The one-call shortcuts against the fake gateway peer over real gRPC.</summary>
public sealed class SubmitAndEvaluateTests
{
    [Fact]
    public async Task Evaluate_returns_the_chaincode_result_for_string_arguments()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();

        // Act
        var result = await fixture.Contract.EvaluateTransactionAsync("ReadPerson", "p-1", "full");

        // Assert
        Assert.Equal("ReadPerson(p-1,full)", Encoding.UTF8.GetString(result));
        var request = Assert.Single(fixture.State.Evaluated);
        Assert.Equal(GatewayFixture.Channel, request.ChannelId);
        Assert.Equal(64, request.TransactionId.Length);
        Assert.Empty(fixture.State.Endorsed);
    }

    [Fact]
    public async Task Submit_endorses_orders_and_waits_for_the_commit_then_returns_the_result()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();

        // Act
        var result = await fixture.Contract.SubmitTransactionAsync("CreatePerson", Encoding.UTF8.GetBytes("{\"id\":\"p-1\"}"));

        // Assert
        Assert.Equal("CreatePerson({\"id\":\"p-1\"})", Encoding.UTF8.GetString(result));
        var endorse = Assert.Single(fixture.State.Endorsed);
        var submit = Assert.Single(fixture.State.Submitted);
        Assert.Single(fixture.State.StatusRequests);
        Assert.Equal(endorse.TransactionId, submit.TransactionId);
        Assert.False(submit.PreparedTransaction.Signature.IsEmpty);
    }

    [Fact]
    public async Task A_named_contract_prefixes_the_function_name()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var contract = fixture.Gateway.GetNetwork(GatewayFixture.Channel).GetContract(GatewayFixture.Chaincode, "PersonContract");

        // Act
        var result = await contract.EvaluateTransactionAsync("ReadPerson", "p-1");

        // Assert
        Assert.Equal("PersonContract:ReadPerson(p-1)", Encoding.UTF8.GetString(result));
    }

    [Fact]
    public async Task Transient_data_and_endorsing_organizations_reach_the_gateway()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var options = ProposalOptions.FromArguments("n-1") with { EndorsingOrganizations = ["HabanaMSP", "MatanzasMSP"] };
        options = options.WithTransient("note", "private clinical note");

        // Act
        var result = await fixture.Contract.SubmitTransactionAsync("CreateNote", options, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("CreateNote(n-1)", Encoding.UTF8.GetString(result));
        var request = Assert.Single(fixture.State.Endorsed);
        Assert.Equal(["HabanaMSP", "MatanzasMSP"], request.EndorsingOrganizations);
        var parts = ProposalParts.Read(request.ProposedTransaction);
        Assert.Equal("private clinical note", parts.Payload.TransientMap["note"].ToStringUtf8());
        var envelopePayload = Ceiba.Network.Protos.Common.Payload.Parser.ParseFrom(Assert.Single(fixture.State.Submitted).PreparedTransaction.Payload);
        var action = ChaincodeActionPayload.Parser.ParseFrom(Ceiba.Network.Protos.Peer.Transaction.Parser.ParseFrom(envelopePayload.Data).Actions[0].Payload);
        Assert.Empty(ChaincodeProposalPayload.Parser.ParseFrom(action.ChaincodeProposalPayload).TransientMap);
    }

    [Fact]
    public async Task Evaluate_sends_the_endorsing_organizations_as_target_organizations()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var options = ProposalOptions.FromArguments("p-1") with { EndorsingOrganizations = ["MatanzasMSP"] };

        // Act
        await fixture.Contract.EvaluateTransactionAsync("ReadPerson", options, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["MatanzasMSP"], Assert.Single(fixture.State.Evaluated).TargetOrganizations);
    }
}
