using System.Text;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>The staged form the load engine uses: proposal → endorse → submit → commit status, with timings.</summary>
public sealed class StagedFlowTests
{
    [Fact]
    public async Task Each_stage_carries_the_same_transaction_id_to_the_gateway()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var proposal = fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments("p-9"));

        // Act
        var transaction = await proposal.EndorseAsync(ct);
        var submitted = await transaction.SubmitAsync(ct);
        var status = await submitted.GetStatusAsync(ct);

        // Assert
        Assert.Equal(proposal.TransactionId, transaction.TransactionId);
        Assert.Equal(proposal.TransactionId, submitted.TransactionId);
        Assert.Equal("CreatePerson(p-9)", Encoding.UTF8.GetString(transaction.Result));
        Assert.Equal(transaction.Result, submitted.Result);
        Assert.Equal(new Status(TxValidationCode.Valid, 7, proposal.TransactionId), status);
        Assert.True(status.Successful);
        var statusRequest = CommitStatusRequest.Parser.ParseFrom(Assert.Single(fixture.State.StatusRequests).Request);
        Assert.Equal(proposal.TransactionId, statusRequest.TransactionId);
        Assert.Equal(GatewayFixture.Channel, statusRequest.ChannelId);
        Assert.Equal(fixture.Identities.Client.Serialized.ToArray(), statusRequest.Identity.ToByteArray());
    }

    [Fact]
    public async Task Timings_accumulate_per_stage()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        fixture.State.Delays[GatewayStage.Submit] = TimeSpan.FromMilliseconds(50);

        // Act
        var transaction = await fixture.Contract.NewProposal("CreatePerson").EndorseAsync(ct);
        var submitted = await transaction.SubmitAsync(ct);
        var beforeStatus = submitted.Timings;
        await submitted.GetStatusAsync(ct);

        // Assert
        Assert.True(transaction.Timings.Endorse > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, transaction.Timings.Submit);
        Assert.Equal(transaction.Timings.Endorse, submitted.Timings.Endorse);
        Assert.True(submitted.Timings.Submit >= TimeSpan.FromMilliseconds(50));
        Assert.Equal(TimeSpan.Zero, beforeStatus.CommitStatus);
        Assert.True(submitted.Timings.CommitStatus > TimeSpan.Zero);
        Assert.Equal(submitted.Timings.Endorse + submitted.Timings.Submit + submitted.Timings.CommitStatus, submitted.Timings.Total);
    }

    [Fact]
    public async Task An_invalid_commit_is_a_status_in_the_staged_form()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        fixture.State.CommitCode = TxValidationCode.MvccReadConflict;

        // Act
        var submitted = await (await fixture.Contract.NewProposal("CreatePerson").EndorseAsync(ct)).SubmitAsync(ct);
        var status = await submitted.GetStatusAsync(ct);

        // Assert
        Assert.False(status.Successful);
        Assert.Equal(TxValidationCode.MvccReadConflict, status.Code);
    }
}
