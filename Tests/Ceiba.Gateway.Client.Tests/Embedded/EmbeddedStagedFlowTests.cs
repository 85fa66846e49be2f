using System.Diagnostics;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Gateway.Client.Tests.Embedded;

using Ceiba.Gateway.Client;

/// <summary>The staged form (proposal → endorse → submit → commit status) against the real cuba-3 network, with its stage timings and spans.</summary>
public sealed class EmbeddedStagedFlowTests(CubaNetworkFixture fixture) : IClassFixture<CubaNetworkFixture>
{
    [Fact]
    public async Task Each_stage_records_its_duration_and_the_status_names_the_block_that_committed_it()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var proposal = fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(CubaNetworkFixture.NextId())));
        var height = fixture.Embedded.Peers[0].GetChannel(fixture.Network.Channel).Ledger.Height;

        // Act
        var endorsed = await proposal.EndorseAsync(ct);
        var submitted = await endorsed.SubmitAsync(ct);
        var status = await submitted.GetStatusAsync(ct);

        // Assert
        Assert.Equal(TxValidationCode.Valid, status.Code);
        Assert.Equal(proposal.TransactionId, status.TransactionId);
        Assert.True(status.BlockNumber >= height, $"block {status.BlockNumber} is below the height {height} seen before endorsing");
        var record = fixture.Embedded.Peers[0].GetChannel(fixture.Network.Channel).Ledger.FindTransaction(proposal.TransactionId);
        Assert.Equal(status.BlockNumber, record!.BlockNumber);
        Assert.True(endorsed.Timings.Endorse > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, endorsed.Timings.Submit);
        Assert.Equal(endorsed.Timings.Endorse, submitted.Timings.Endorse);
        Assert.True(submitted.Timings.Submit > TimeSpan.Zero);
        Assert.True(submitted.Timings.CommitStatus > TimeSpan.Zero);
        Assert.Equal(submitted.Timings.Endorse + submitted.Timings.Submit + submitted.Timings.CommitStatus, submitted.Timings.Total);
    }

    [Fact]
    public async Task Each_stage_is_a_client_span_under_the_callers_activity_and_the_peers_spans_continue_it()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GatewayDiagnostics.ActivitySourceName or Ceiba.Network.Peer.PeerTracing.ActivitySourceName,
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
        using var source = new ActivitySource("Ceiba.Gateway.Client.Tests.Embedded");
        using var caller = new ActivityListener { ShouldListenTo = s => s.Name == source.Name, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded };
        ActivitySource.AddActivityListener(caller);
        var proposal = fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(CubaNetworkFixture.NextId())));

        // Act
        ActivityTraceId traceId;
        ActivitySpanId parentId;
        using (var parent = source.StartActivity("load-step")!)
        {
            (traceId, parentId) = (parent.TraceId, parent.SpanId);
            await (await (await proposal.EndorseAsync(ct)).SubmitAsync(ct)).GetStatusAsync(ct);
        }

        // Assert
        List<Activity> ours;
        lock (spans)
        {
            ours = [.. spans.Where(s => s.TraceId == traceId)];
        }

        var client = ours.Where(s => s.Source.Name == GatewayDiagnostics.ActivitySourceName).ToList();
        Assert.Equal(3, client.Count);
        Assert.All(client, s => Assert.Equal(ActivityKind.Client, s.Kind));
        Assert.All(client, s => Assert.Equal(parentId, s.ParentSpanId));
        // The peer's spans are in the caller's trace: the client sent its context with each call, and the gateway peer
        // passed it on to the other org's endorser. (In-process, ASP.NET Core and HttpClient may add spans in between.)
        var peer = ours.Where(s => s.Source.Name == Ceiba.Network.Peer.PeerTracing.ActivitySourceName).Select(s => s.OperationName).ToList();
        Assert.Contains("gateway.Gateway/Endorse", peer);
        Assert.Contains("gateway.Gateway/Submit", peer);
        Assert.Contains("gateway.Gateway/CommitStatus", peer);
        Assert.Contains("protos.Endorser/ProcessProposal", peer);
    }
}
