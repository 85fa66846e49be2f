using System.Globalization;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Gateway.Client.Tests.Embedded;

using Ceiba.Gateway.Client;

/// <summary>Each typed error of the client, provoked for real on the cuba-3 network (MAJORITY endorsement).</summary>
public sealed class EmbeddedTypedErrorTests(CubaNetworkFixture fixture) : IClassFixture<CubaNetworkFixture>
{
    [Fact]
    public async Task Endorsing_with_one_org_under_a_majority_policy_commits_as_an_endorsement_policy_failure()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var id = CubaNetworkFixture.NextId();
        var options = ProposalOptions.FromArguments(CubaNetworkFixture.Person(id)) with { EndorsingOrganizations = [fixture.MspIds[1]] };

        // Act
        var error = await Assert.ThrowsAsync<CommitException>(() => fixture.Contract.SubmitTransactionAsync("CreatePerson", options, ct));
        var lookup = await Assert.ThrowsAsync<GatewayException>(() =>
            fixture.Contract.EvaluateTransactionAsync("GetPerson", ProposalOptions.FromArguments(id.ToString(CultureInfo.InvariantCulture)), ct));

        // Assert: Fabric's gateway endorses exactly the named orgs; the validator refuses the commit.
        Assert.Equal(TxValidationCode.EndorsementPolicyFailure, error.Code);
        Assert.Contains("EndorsementPolicyFailure", error.Message, StringComparison.Ordinal);
        Assert.Equal(fixture.Embedded.Peers[0].GetChannel(fixture.Network.Channel).Ledger.FindTransaction(error.TransactionId)!.BlockNumber, error.BlockNumber);
        Assert.Contains("404", lookup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_creates_of_the_same_record_endorsed_before_either_commits_give_one_valid_and_one_mvcc_read_conflict()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var person = CubaNetworkFixture.Person(CubaNetworkFixture.NextId());
        var first = await fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(person)).EndorseAsync(ct);
        var second = await fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(person)).EndorseAsync(ct);

        // Act
        var submitted = await Task.WhenAll(first.SubmitAsync(ct), second.SubmitAsync(ct));
        var statuses = await Task.WhenAll(submitted.Select(s => s.GetStatusAsync(ct)));

        // Assert
        Assert.Equal(
            [TxValidationCode.Valid, TxValidationCode.MvccReadConflict],
            statuses.Select(s => s.Code).Order().ToArray());
        Assert.NotEqual(first.TransactionId, second.TransactionId);
    }

    [Fact]
    public async Task A_chaincode_error_is_an_endorse_exception_whose_detail_carries_the_chaincode_status_and_message()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var id = CubaNetworkFixture.NextId();
        await fixture.Contract.SubmitTransactionAsync("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(id)), ct);
        var duplicate = fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(id)));

        // Act
        var error = await Assert.ThrowsAsync<EndorseException>(() => duplicate.EndorseAsync(ct));

        // Assert
        Assert.Equal(duplicate.TransactionId, error.TransactionId);
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        var detail = Assert.Single(error.Details);
        Assert.Equal(fixture.MspIds[0], detail.MspId);
        Assert.Contains("409", detail.Message, StringComparison.Ordinal);
        Assert.Contains($"person {id} already exists", detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_is_an_endorse_exception_that_names_the_bad_field()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var person = CubaNetworkFixture.Person(CubaNetworkFixture.NextId()).Replace("\"province\":\"03\"", "\"province\":\"02\"", StringComparison.Ordinal);

        // Act
        var error = await Assert.ThrowsAsync<EndorseException>(() => fixture.Contract.SubmitTransactionAsync("CreatePerson", ProposalOptions.FromArguments(person), ct));

        // Assert
        var detail = Assert.Single(error.Details);
        Assert.Contains("400", detail.Message, StringComparison.Ordinal);
        Assert.Contains("province", detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_status_request_with_a_bad_signature_is_a_commit_status_exception()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var submitted = await (await fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(CubaNetworkFixture.NextId()))).EndorseAsync(ct)).SubmitAsync(ct);
        var forged = fixture.Gateway.NewSignedCommit(submitted.Bytes, new byte[70]);

        // Act
        var error = await Assert.ThrowsAsync<CommitStatusException>(() => forged.GetStatusAsync(ct));
        var genuine = await submitted.GetStatusAsync(ct);

        // Assert
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(submitted.TransactionId, error.TransactionId);
        Assert.Equal(TxValidationCode.Valid, genuine.Code);
    }
}
