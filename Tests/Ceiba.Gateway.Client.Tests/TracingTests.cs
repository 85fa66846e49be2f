using System.Diagnostics;
using Ceiba.Gateway.Client.Tests.Support;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>One client span per stage, a child of the caller's activity, tagged with transaction, channel and chaincode.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Each_stage_is_a_child_activity_with_fabric_tags()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var stopped = new List<Activity>();
        using var caller = new ActivitySource("Ceiba.Gateway.Client.Tests.Caller");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is GatewayDiagnostics.ActivitySourceName or "Ceiba.Gateway.Client.Tests.Caller",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (stopped) { stopped.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var proposal = fixture.Contract.NewProposal("CreatePerson");

        // Act
        using (var parent = caller.StartActivity("CreatePersonWorkload"))
        {
            await fixture.Contract.EvaluateTransactionAsync("ReadPerson", new ProposalOptions(), TestContext.Current.CancellationToken);
            var submitted = await (await proposal.EndorseAsync(TestContext.Current.CancellationToken)).SubmitAsync(TestContext.Current.CancellationToken);
            await submitted.GetStatusAsync(TestContext.Current.CancellationToken);
        }

        // Assert
        Activity parentActivity;
        List<Activity> stages;
        lock (stopped)
        {
            // Other tests run in parallel and share the listener: keep this trace only.
            parentActivity = Assert.Single(stopped, a => a.OperationName == "CreatePersonWorkload");
            stages = [.. stopped.Where(a => a.Source.Name == GatewayDiagnostics.ActivitySourceName && a.TraceId == parentActivity.TraceId)];
        }

        Assert.Equal(["Evaluate", "Endorse", "Submit", "CommitStatus"], stages.Select(a => a.OperationName));
        Assert.All(stages, a => Assert.Equal(parentActivity.SpanId, a.ParentSpanId));
        Assert.All(stages, a => Assert.Equal(ActivityKind.Client, a.Kind));
        Assert.All(stages, a => Assert.Equal(GatewayFixture.Channel, a.GetTagItem(GatewayDiagnostics.ChannelTag)));
        Assert.All(stages, a => Assert.Equal(GatewayFixture.Chaincode, a.GetTagItem(GatewayDiagnostics.ChaincodeTag)));
        Assert.All(stages.Skip(1), a => Assert.Equal(proposal.TransactionId, a.GetTagItem(GatewayDiagnostics.TransactionIdTag)));
    }

    [Fact]
    public async Task The_stage_trace_context_travels_to_the_peer_in_the_grpc_metadata()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == GatewayDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (stopped) { stopped.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var proposal = fixture.Contract.NewProposal("CreatePerson");

        // Act
        await proposal.EndorseAsync(TestContext.Current.CancellationToken);

        // Assert
        Activity endorse;
        lock (stopped)
        {
            endorse = Assert.Single(stopped, a => (string?)a.GetTagItem(GatewayDiagnostics.TransactionIdTag) == proposal.TransactionId);
        }

        var traceParent = Assert.Single(fixture.State.EndorseTraceParents);
        Assert.StartsWith($"00-{endorse.TraceId}-", traceParent);
    }

    [Fact]
    public async Task A_failed_stage_marks_its_activity_as_an_error()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        fixture.State.Failures[GatewayStage.Endorse] = FakeErrors.WithDetails(Grpc.Core.StatusCode.Aborted, "endorsement failed");
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == GatewayDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (stopped) { stopped.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var proposal = fixture.Contract.NewProposal("CreatePerson");

        // Act
        await Assert.ThrowsAsync<EndorseException>(() => proposal.EndorseAsync(TestContext.Current.CancellationToken));

        // Assert
        Activity endorse;
        lock (stopped)
        {
            endorse = Assert.Single(stopped, a => (string?)a.GetTagItem(GatewayDiagnostics.TransactionIdTag) == proposal.TransactionId);
        }

        Assert.Equal(ActivityStatusCode.Error, endorse.Status);
        Assert.Equal(typeof(EndorseException).FullName, endorse.GetTagItem("error.type"));
    }
}
