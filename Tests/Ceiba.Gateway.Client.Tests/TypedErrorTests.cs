using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>Each stage's failure arrives as its own exception type, with the per-node details a Fabric peer sends.</summary>
public sealed class TypedErrorTests
{
    [Fact]
    public async Task Endorse_failure_is_an_EndorseException_with_decoded_details()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        fixture.State.Failures[GatewayStage.Endorse] = FakeErrors.WithDetails(
            StatusCode.Aborted,
            "failed to endorse transaction, see attached details for more info",
            FakeErrors.Detail("peer0.habana.ceiba.local:7051", "HabanaMSP", "chaincode response 500, person p-1 exists"),
            FakeErrors.Detail("peer0.matanzas.ceiba.local:7051", "MatanzasMSP", "chaincode response 500, person p-1 exists"));
        var proposal = fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments("p-1"));

        // Act
        var error = await Assert.ThrowsAsync<EndorseException>(() => proposal.EndorseAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(GatewayStage.Endorse, error.Stage);
        Assert.Equal(proposal.TransactionId, error.TransactionId);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("failed to endorse transaction, see attached details for more info", error.Status.Detail);
        Assert.Equal(
            [
                new ErrorDetail("peer0.habana.ceiba.local:7051", "HabanaMSP", "chaincode response 500, person p-1 exists"),
                new ErrorDetail("peer0.matanzas.ceiba.local:7051", "MatanzasMSP", "chaincode response 500, person p-1 exists"),
            ],
            error.Details);
        Assert.Contains("peer0.matanzas.ceiba.local:7051 (MatanzasMSP)", error.Message);
        Assert.IsType<RpcException>(error.InnerException);
    }

    [Fact]
    public async Task Submit_failure_is_a_SubmitException_naming_the_orderers()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        fixture.State.Failures[GatewayStage.Submit] = FakeErrors.WithDetails(
            StatusCode.Unavailable,
            "no orderers could successfully process transaction",
            FakeErrors.Detail("orderer0.ceiba.local:7050", "OrdererMSP", "rpc error: code = Unavailable desc = connection refused"));
        var transaction = await fixture.Contract.NewProposal("CreatePerson").EndorseAsync(TestContext.Current.CancellationToken);

        // Act
        var error = await Assert.ThrowsAsync<SubmitException>(() => transaction.SubmitAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(GatewayStage.Submit, error.Stage);
        Assert.Equal(transaction.TransactionId, error.TransactionId);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        var detail = Assert.Single(error.Details);
        Assert.Equal(new ErrorDetail("orderer0.ceiba.local:7050", "OrdererMSP", "rpc error: code = Unavailable desc = connection refused"), detail);
    }

    [Fact]
    public async Task Commit_status_failure_is_a_CommitStatusException()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        fixture.State.Failures[GatewayStage.CommitStatus] = FakeErrors.WithDetails(StatusCode.PermissionDenied, "identity is not a channel reader");
        var submitted = await (await fixture.Contract.NewProposal("CreatePerson").EndorseAsync(ct)).SubmitAsync(ct);

        // Act
        var error = await Assert.ThrowsAsync<CommitStatusException>(() => submitted.GetStatusAsync(ct));

        // Assert
        Assert.Equal(GatewayStage.CommitStatus, error.Stage);
        Assert.Equal(submitted.TransactionId, error.TransactionId);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Empty(error.Details);
    }

    [Fact]
    public async Task Invalid_commit_in_SubmitTransaction_is_a_CommitException_with_the_validation_code()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        fixture.State.CommitCode = TxValidationCode.EndorsementPolicyFailure;
        fixture.State.BlockNumber = 12;

        // Act
        var error = await Assert.ThrowsAsync<CommitException>(
            () => fixture.Contract.SubmitTransactionAsync("CreatePerson", new ProposalOptions(), TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(TxValidationCode.EndorsementPolicyFailure, error.Code);
        Assert.Equal(12ul, error.BlockNumber);
        Assert.Equal(Assert.Single(fixture.State.Submitted).TransactionId, error.TransactionId);
        Assert.Contains("status code 10 (EndorsementPolicyFailure)", error.Message);
    }

    [Fact]
    public async Task Evaluate_failure_is_a_GatewayException_of_the_evaluate_stage()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        fixture.State.Failures[GatewayStage.Evaluate] = FakeErrors.WithDetails(
            StatusCode.Unknown,
            "evaluate call to endorser returned error: chaincode response 404, person p-404 not found",
            FakeErrors.Detail("peer0.habana.ceiba.local:7051", "HabanaMSP", "chaincode response 404, person p-404 not found"));

        // Act
        var error = await Assert.ThrowsAsync<GatewayException>(() => fixture.Contract.EvaluateTransactionAsync("ReadPerson", "p-404"));

        // Assert
        Assert.IsType<GatewayException>(error);
        Assert.Equal(GatewayStage.Evaluate, error.Stage);
        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal("chaincode response 404, person p-404 not found", Assert.Single(error.Details).Message);
    }

    [Fact]
    public async Task A_tampered_signature_is_rejected_by_the_peer_as_an_EndorseException()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var offline = fixture.ConnectOffline();
        var proposal = fixture.Contract.NewProposal("CreatePerson");
        var wrongSignature = fixture.Identities.Peer.Sign(proposal.Digest);
        var signed = offline.NewSignedProposal(proposal.Bytes, wrongSignature);

        // Act
        var error = await Assert.ThrowsAsync<EndorseException>(() => signed.EndorseAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("proposal signature does not verify", error.Status.Detail);
    }
}
