using Ceiba.LoadTests.Workloads;
using System.Diagnostics;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Workloads.Data;
using Ceiba.LoadTests.Workloads.Flows;
using Ceiba.LoadTests.Workloads.GatewayTarget;

namespace Ceiba.LoadTests.Tests.Workloads;

/// <summary>The gateway target's flows against the real embedded seed network.</summary>
public sealed class GatewayWorkloadTests(SeedNetworkFixture fixture) : IClassFixture<SeedNetworkFixture>
{
    [Fact]
    public void Setup_created_the_doctor_account_and_preloaded_patients()
    {
        // Arrange
        var workload = fixture.Workload;

        // Act
        var description = workload.Description;

        // Assert
        Assert.Contains("1 hospitals as clients (doctor accounts: 1 created, 0 present)", description, StringComparison.Ordinal);
        Assert.Contains("20 persons preloaded", description, StringComparison.Ordinal);
        Assert.Contains("commit@threshold on 1 of 1 peers", description, StringComparison.Ordinal);
        Assert.Equal(["03"], workload.Provinces);
        Assert.True(workload.Environment.Patients.CountOf("hab-ameijeiras") >= 20);
    }

    [Fact]
    public async Task Every_flow_runs_and_reports_VALID_samples_with_stage_timings()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var sink = new RecordingSink();
        var firsts = new List<long>();

        // Act
        foreach (var name in FlowNames.All)
        {
            var sequence = Enumerable.Range(0, 10_000).First(s => fixture.Workload.Flows.Next(s).Name == name);
            var intended = Stopwatch.GetTimestamp();
            firsts.Add(intended);
            var before = sink.Samples.Count;
            await fixture.Workload.Flows.Next(sequence).RunAsync(new FlowContext(sequence, -1, intended, sink), cancellationToken);
            Assert.True(sink.Samples.Count > before, $"{name} reported nothing");
        }

        // Assert
        var samples = sink.Samples;
        Assert.All(samples, s => Assert.True(s.Failure == FailureKind.None, $"{s.Type}: {s.Failure} {s.Error}"));
        Assert.All(samples, s => Assert.Equal("03", s.Province));
        Assert.All(samples.Where(s => s.IsWrite), s =>
        {
            Assert.True(s.Endorse > TimeSpan.Zero && s.Submit > TimeSpan.Zero && s.Commit > TimeSpan.Zero, $"{s.Type} lacks stage timings");
            Assert.False(string.IsNullOrEmpty(s.TxId));
        });
        Assert.All(samples.Where(s => !s.IsWrite), s => Assert.Null(s.Endorse));
        Assert.Superset(
            new HashSet<string> { "GetDoctorByEmail", "ListPersons", "GetPatientRecord", "CreatePerson", "CreateVisitOccurrence", "CreateConditionOccurrence", "CreateNote" },
            samples.Select(s => s.Type).ToHashSet());
        Assert.All(firsts, intended => Assert.Contains(samples, s => s.IntendedTimestamp == intended));
    }

    [Fact]
    public async Task A_doctor_session_is_login_list_read_then_one_write()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var sink = new RecordingSink();
        var sequence = Enumerable.Range(0, 10_000).First(s => fixture.Workload.Flows.Next(s).Name == FlowNames.DoctorSession);
        var intended = Stopwatch.GetTimestamp() - Stopwatch.Frequency;

        // Act
        await fixture.Workload.Flows.Next(sequence).RunAsync(new FlowContext(sequence, -1, intended, sink), cancellationToken);

        // Assert
        var types = sink.Samples.Select(s => s.Type).ToList();
        Assert.Equal(["GetDoctorByEmail", "ListPersons", "GetPatientRecord"], types.Take(3));
        Assert.Single(types.Skip(3), t => t is "CreateNote" or "CreateDrugExposure");
        Assert.Equal([false, false, false, true], sink.Samples.Select(s => s.IsWrite));
        Assert.Equal(intended, sink.Samples[0].IntendedTimestamp);
        Assert.All(sink.Samples.Skip(1), s => Assert.Equal(s.StartTimestamp, s.IntendedTimestamp));
    }

    [Fact]
    public async Task Creating_an_existing_person_is_reported_as_an_endorsement_failure()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var sink = new RecordingSink();
        var client = fixture.Workload.Environment.Clients[0];
        var existing = fixture.Workload.Environment.Patients.Pick("hab-ameijeiras", 0)!;
        var (person, _) = OmopDataGenerator.Person(SeededRandom.Randomizer(1, 1, 1), existing.PersonId, client.Hospital);

        // Act
        var created = await client.CreateAsync(EhrWrite.Of(person), new StepTiming(sink, null), cancellationToken);

        // Assert
        Assert.False(created);
        var sample = Assert.Single(sink.Samples);
        Assert.Equal(FailureKind.Endorsement, sample.Failure);
        Assert.Equal("CreatePerson", sample.Type);
        Assert.Contains("409", sample.Error, StringComparison.Ordinal);
        Assert.Null(sample.Submit);
    }

    [Fact]
    public async Task A_transaction_that_outlives_the_transaction_timeout_is_reported_as_a_timeout()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var sink = new RecordingSink();
        var client = (GatewayEhrClient)fixture.Workload.Environment.Clients[0];
        var transactions = new GatewayTransactions(TimeSpan.Zero, observer: null);
        var (person, _) = OmopDataGenerator.Person(SeededRandom.Randomizer(1, 2, 1), fixture.Workload.Environment.Ids.Next(), client.Hospital);

        // Act
        var outcome = await transactions.SubmitAsync(client.Doctor, "CreatePerson", "03", new StepTiming(sink, null), cancellationToken, EhrWrite.Of(person).Json);

        // Assert
        Assert.False(outcome.Succeeded);
        Assert.Equal(FailureKind.Timeout, Assert.Single(sink.Samples).Failure);
    }

    [Fact]
    public async Task A_second_workload_on_the_same_ledger_finds_the_doctor_account_and_uses_new_ids()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;

        // Act
        await using var second = (GatewayWorkload)await WorkloadFactory.CreateAsync(
            new WorkloadRequest(TestScenarios.AllFlows(), fixture.Network.Network.Root, new RecordingSink()), cancellationToken);

        // Assert
        Assert.Contains("(doctor accounts: 0 created, 1 present)", second.Description, StringComparison.Ordinal);
        Assert.Contains("20 persons preloaded", second.Description, StringComparison.Ordinal);
    }
}
