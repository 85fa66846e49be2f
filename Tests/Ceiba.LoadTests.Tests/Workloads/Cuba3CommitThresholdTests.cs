using Ceiba.LoadTests.Workloads;
using System.Diagnostics;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Flows;
using Ceiba.LoadTests.Workloads.GatewayTarget;
using Ceiba.Testing.Fabric;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>commit@threshold on cuba-3: three provinces, one peer each, MAJORITY endorsement, every peer listened to.</summary>
public sealed class Cuba3CommitThresholdTests
{
    [Fact]
    public async Task Every_write_of_every_writing_flow_is_VALID_and_gets_a_commit_at_threshold_latency_once_all_three_peers_saw_it()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var network = await EmbeddedEhrNetwork.StartAsync("cuba-3", cancellationToken);
        var sink = new RecordingSink();
        await using var workload = (GatewayWorkload)await WorkloadFactory.CreateAsync(new WorkloadRequest(TestScenarios.AllFlows(), network.Network.Root, sink), cancellationToken);
        string[] writers = [FlowNames.CreatePerson, FlowNames.CreateNote, FlowNames.RegisterPatient, FlowNames.BackfillHistory];
        var sequences = writers.SelectMany(flow => Enumerable.Range(0, 10_000).Where(s => workload.Flows.Next(s).Name == flow).Take(3)).ToList();

        // Act
        await Task.WhenAll(sequences.Select(s => workload.Flows.Next(s).RunAsync(new FlowContext(s, -1, Stopwatch.GetTimestamp(), sink), cancellationToken)));
        var valid = sink.Samples.Where(s => s.IsWrite && s.Failure == FailureKind.None).ToList();
        var allSeen = await sink.WaitUntilAsync(s => s.Stages.Count >= valid.Count, TimeSpan.FromSeconds(60), cancellationToken);

        // Assert
        Assert.Contains("commit@threshold on 3 of 3 peers", workload.Description, StringComparison.Ordinal);
        Assert.Equal(3, workload.Provinces.Count);
        Assert.All(sink.Samples, s => Assert.True(s.Failure == FailureKind.None, $"{s.Type}: {s.Failure} {s.Error}"));
        Assert.Contains(sink.Samples, s => s.Type == "CreateConditionOccurrence");
        Assert.True(allSeen, $"{sink.Stages.Count} of {valid.Count} writes reached commit@threshold");
        Assert.Equal(
            valid.Select(s => (s.Type, s.Province, s.IntendedTimestamp)).Order(),
            sink.Stages.Select(s => (s.Type, s.Province, s.IntendedTimestamp)).Order());
        Assert.All(sink.Stages, s => Assert.Equal(StageNames.CommitAtThreshold, s.Stage));
        Assert.All(sink.Stages, s => Assert.True(s.Latency > TimeSpan.Zero));
        Assert.Equal(0, workload.Observer.PendingCount);
    }
}
