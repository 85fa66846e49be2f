using System.Diagnostics;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Gateway;
using Grpc.Core;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>The peer's spans continue the caller's W3C trace context from the <c>traceparent</c> header.</summary>
public sealed class TraceContextTests(SeedNetworkFixture fixture) : IClassFixture<SeedNetworkFixture>
{
    [Fact]
    public async Task Gateway_and_endorser_spans_are_children_of_the_callers_traceparent()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PeerTracing.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel();
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        var headers = new Metadata { { "traceparent", $"00-{traceId}-{callerSpan}-01" }, { "tracestate", "ceiba=test" } };
        var (evaluate, evaluateTxId) = gateway.Propose("get", "traced");
        var (endorse, _) = gateway.Propose("get", "traced");

        // Act
        await gateway.Client.EvaluateAsync(new EvaluateRequest { TransactionId = evaluateTxId, ChannelId = fixture.Network.Channel, ProposedTransaction = evaluate }, headers, cancellationToken: ct);
        await new Protos.Peer.Endorser.EndorserClient(channel).ProcessProposalAsync(endorse, headers, cancellationToken: ct);

        // Assert
        List<Activity> ours;
        lock (spans)
        {
            ours = [.. spans.Where(s => s.TraceId == traceId)];
        }

        Assert.Equal(["gateway.Gateway/Evaluate", "protos.Endorser/ProcessProposal"], ours.Select(s => s.OperationName).Order(StringComparer.Ordinal));
        Assert.All(ours, s => Assert.Equal(callerSpan, s.ParentSpanId));
        Assert.All(ours, s => Assert.Equal(ActivityKind.Server, s.Kind));
        Assert.All(ours, s => Assert.Equal("ceiba=test", s.TraceStateString));
    }
}
