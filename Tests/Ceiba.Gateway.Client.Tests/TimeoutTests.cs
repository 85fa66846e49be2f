using Ceiba.Gateway.Client.Tests.Support;
using Grpc.Core;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>Each stage has its own deadline; running past it is the stage's typed exception with DeadlineExceeded.</summary>
public sealed class TimeoutTests
{
    private static readonly GatewayOptions Short = new()
    {
        EvaluateTimeout = TimeSpan.FromMilliseconds(200),
        EndorseTimeout = TimeSpan.FromMilliseconds(200),
        SubmitTimeout = TimeSpan.FromMilliseconds(200),
        CommitStatusTimeout = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public void Defaults_are_the_fabric_samples_deadlines()
    {
        // Arrange
        var options = GatewayOptions.Default;

        // Act
        TimeSpan[] timeouts = [options.EvaluateTimeout, options.EndorseTimeout, options.SubmitTimeout, options.CommitStatusTimeout];

        // Assert
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)], timeouts);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.ChaincodeEventsTimeout);
    }

    [Fact]
    public async Task A_slow_endorsement_is_an_EndorseException_with_DeadlineExceeded()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync(Short);
        fixture.State.Delays[GatewayStage.Endorse] = TimeSpan.FromSeconds(10);
        var proposal = fixture.Contract.NewProposal("CreatePerson");

        // Act
        var error = await Assert.ThrowsAsync<EndorseException>(() => proposal.EndorseAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(GatewayStage.Endorse, error.Stage);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(proposal.TransactionId, error.TransactionId);
    }

    [Fact]
    public async Task A_slow_submit_is_a_SubmitException_with_DeadlineExceeded()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync(Short);
        fixture.State.Delays[GatewayStage.Submit] = TimeSpan.FromSeconds(10);
        var transaction = await fixture.Contract.NewProposal("CreatePerson").EndorseAsync(TestContext.Current.CancellationToken);

        // Act
        var error = await Assert.ThrowsAsync<SubmitException>(() => transaction.SubmitAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(GatewayStage.Submit, error.Stage);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(transaction.TransactionId, error.TransactionId);
    }

    [Fact]
    public async Task A_slow_commit_is_a_CommitStatusException_with_DeadlineExceeded()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync(Short);
        var ct = TestContext.Current.CancellationToken;
        fixture.State.Delays[GatewayStage.CommitStatus] = TimeSpan.FromSeconds(10);
        var submitted = await (await fixture.Contract.NewProposal("CreatePerson").EndorseAsync(ct)).SubmitAsync(ct);

        // Act
        var error = await Assert.ThrowsAsync<CommitStatusException>(() => submitted.GetStatusAsync(ct));

        // Assert
        Assert.Equal(GatewayStage.CommitStatus, error.Stage);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task A_slow_evaluation_is_a_GatewayException_with_DeadlineExceeded()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync(Short);
        fixture.State.Delays[GatewayStage.Evaluate] = TimeSpan.FromSeconds(10);

        // Act
        var error = await Assert.ThrowsAsync<GatewayException>(() => fixture.Contract.EvaluateTransactionAsync("ReadPerson", "p-1"));

        // Assert
        Assert.Equal(GatewayStage.Evaluate, error.Stage);
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_is_an_OperationCanceledException()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        fixture.State.Delays[GatewayStage.Endorse] = TimeSpan.FromSeconds(10);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));

        // Act
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => fixture.Contract.NewProposal("CreatePerson").EndorseAsync(cancellation.Token));

        // Assert
        Assert.Equal(cancellation.Token, error.CancellationToken);
    }
}
