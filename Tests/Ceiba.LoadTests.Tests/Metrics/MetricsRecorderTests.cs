using System.Diagnostics;
using Ceiba.LoadTests.Engine;
using Ceiba.LoadTests.Metrics;

namespace Ceiba.LoadTests.Tests.Metrics;

public sealed class MetricsRecorderTests
{
    private static readonly long Origin = Stopwatch.GetTimestamp();

    private static long At(double milliseconds) => Origin + (long)(milliseconds / 1000 * Stopwatch.Frequency);

    private static TransactionSample Sample(double intendedMs, double latencyMs, string type = "CreateNote", string province = "03", FailureKind failure = FailureKind.None, bool write = true) =>
        new(type, province, write, At(intendedMs), At(intendedMs), At(intendedMs + latencyMs),
            Endorse: TimeSpan.FromMilliseconds(latencyMs / 2), Submit: null, Commit: null, failure, Error: failure == FailureKind.None ? null : "boom");

    [Fact]
    public void Percentiles_of_one_to_a_thousand_milliseconds_are_where_they_should_be()
    {
        // Arrange
        var recorder = new MetricsRecorder();
        recorder.BeginSegment("measured", Origin);

        // Act
        for (var ms = 1; ms <= 1000; ms++)
        {
            recorder.Record(Sample(0, ms));
        }
        var stats = recorder.Snapshot().Stage(StageNames.EndToEnd)!.Overall;

        // Assert: HdrHistogram with 3 significant digits is within 0.1% of each value.
        Assert.Equal(1000, stats.Count);
        Assert.InRange(stats.P50, 499.5, 500.6);
        Assert.InRange(stats.P90, 899.5, 901);
        Assert.InRange(stats.P99, 989.5, 991);
        Assert.InRange(stats.P999, 998.5, 1000.6);
        Assert.InRange(stats.Max, 999.5, 1000.6);
        Assert.InRange(stats.Mean, 500, 501);
    }

    [Fact]
    public void Samples_are_split_by_type_and_province_and_failures_by_kind()
    {
        // Arrange
        var recorder = new MetricsRecorder();
        recorder.BeginSegment("measured", Origin);

        // Act
        recorder.Record(Sample(0, 10, "CreateNote", "03"));
        recorder.Record(Sample(0, 30, "CreateNote", "07", FailureKind.Mvcc));
        recorder.Record(Sample(0, 50, "GetPerson", "07", FailureKind.Timeout, write: false));
        recorder.Record(Sample(0, 70, "GetPerson", "07", write: false));
        var snapshot = recorder.Snapshot();

        // Assert
        var endToEnd = snapshot.Stage(StageNames.EndToEnd)!;
        Assert.Equal(2, endToEnd.ByType["CreateNote"].Count);
        Assert.Equal(2, endToEnd.ByType["GetPerson"].Count);
        Assert.Equal(1, endToEnd.ByProvince["03"].Count);
        Assert.Equal(3, endToEnd.ByProvince["07"].Count);
        Assert.Equal(4, snapshot.Stage(StageNames.Endorse)!.Overall.Count);
        Assert.Null(snapshot.Stage(StageNames.Commit));
        Assert.Equal(1, snapshot.Failures[nameof(FailureKind.Mvcc)]);
        Assert.Equal(1, snapshot.Failures[nameof(FailureKind.Timeout)]);
        Assert.Equal(0, snapshot.Failures[nameof(FailureKind.Http)]);
        Assert.Equal((4, 2, 1, 2), (snapshot.Completed, snapshot.Succeeded, snapshot.SucceededWrites, snapshot.Failed));
        Assert.Equal(0.5, snapshot.ErrorRate);
        Assert.Contains(snapshot.Errors, error => error.Message == "Mvcc: boom" && error.Count == 1);
    }

    [Fact]
    public void Failure_messages_that_differ_only_by_transaction_id_are_counted_together()
    {
        // Arrange
        var recorder = new MetricsRecorder();
        recorder.BeginSegment("measured", Origin);
        var start = At(0);

        // Act
        foreach (var txId in new[] { new string('a', 64), new string('b', 64) })
        {
            recorder.Record(new TransactionSample("CreatePerson", "03", true, start, start, At(5), null, null, null, FailureKind.Timeout,
                Error: $"Submit failed for transaction {txId}: DeadlineExceeded"));
        }

        // Assert
        var error = Assert.Single(recorder.Snapshot().Errors);
        Assert.Equal(("Timeout: Submit failed for transaction <txid>: DeadlineExceeded", 2L), (error.Message, error.Count));
    }

    [Fact]
    public void Samples_meant_for_the_warm_up_are_dropped_and_counted_apart()
    {
        // Arrange
        var recorder = new MetricsRecorder();
        recorder.Record(Sample(0, 5)); // before any segment: warm-up
        recorder.BeginSegment("measured", At(1000));

        // Act
        recorder.Record(Sample(500, 5)); // meant for the warm-up, reported after it
        recorder.Record(Sample(1000, 5));
        recorder.RecordStage(StageNames.CommitAtThreshold, "CreateNote", "03", At(900), TimeSpan.FromMilliseconds(40));
        recorder.RecordStage(StageNames.CommitAtThreshold, "CreateNote", "03", At(1100), TimeSpan.FromMilliseconds(40));

        // Assert
        var snapshot = recorder.Snapshot();
        Assert.Equal(2, recorder.WarmupSamples);
        Assert.Equal(1, snapshot.Completed);
        Assert.Equal(1, snapshot.Stage(StageNames.CommitAtThreshold)!.Overall.Count);
    }

    [Fact]
    public void Samples_belong_to_the_segment_of_their_intended_start()
    {
        // Arrange
        var recorder = new MetricsRecorder();
        var first = recorder.BeginSegment("step 1", Origin, 10);
        var second = recorder.BeginSegment("step 2", At(1000), 20);

        // Act
        recorder.Record(Sample(999, 3000)); // finished late, but meant for step 1
        recorder.Record(Sample(1000, 5, failure: FailureKind.Endorsement));
        recorder.Record(Sample(1500, 5));

        // Assert
        Assert.Equal((1, 0), (first.Completed, first.Failed));
        Assert.Equal((2, 1), (second.Completed, second.Failed));
        Assert.Equal(0.5, second.ErrorRate);
        Assert.InRange(LatencyStats.From(first.EndToEnd.Copy()).Max, 2990, 3010);
    }

    [Fact]
    public void Arrivals_after_an_ended_segment_and_before_the_next_are_not_measured()
    {
        // Arrange: step 1 ends at 1 s; its cool-down arrivals come before step 2 begins at 2 s.
        var recorder = new MetricsRecorder();
        var first = recorder.BeginSegment("step 1", Origin, 10);
        MetricsRecorder.EndSegment(first, At(1000));
        var second = recorder.BeginSegment("step 2", At(2000), 20);

        // Act
        recorder.Record(Sample(999, 2000)); // step 1's last arrival, answered late
        recorder.Record(Sample(1000, 5));   // cool-down
        recorder.Record(Sample(1999, 5));   // cool-down
        recorder.Record(Sample(2000, 5));

        // Assert
        Assert.Equal(1, first.Completed);
        Assert.Equal(1, second.Completed);
        Assert.Equal(2, recorder.WarmupSamples);
        Assert.Equal(2, recorder.Snapshot().Completed);
        Assert.Null(recorder.SegmentOf(At(1500)));
    }

    [Fact]
    public void Per_second_counters_bucket_by_start_and_end_time()
    {
        // Arrange
        var recorder = new MetricsRecorder();
        recorder.BeginSegment("measured", Origin);

        // Act: started in second 0 and finished in second 1; started and finished in second 1.
        recorder.Record(Sample(900, 300));
        recorder.Record(Sample(1100, 100, failure: FailureKind.Other));
        var counters = recorder.Counters!;

        // Assert
        Assert.Equal(1, counters.Get(0, IntervalField.Started));
        Assert.Equal(1, counters.Get(1, IntervalField.Started));
        Assert.Equal(0, counters.Get(0, IntervalField.Completed));
        Assert.Equal(2, counters.Get(1, IntervalField.Completed));
        Assert.Equal(1, counters.Get(1, IntervalField.Succeeded));
        Assert.Equal(1, counters.Get(1, IntervalField.SucceededWrites));
        Assert.Equal(1, counters.Get(1, IntervalField.Failed));
    }

    [Fact]
    public void Concurrent_recording_loses_nothing()
    {
        // Arrange
        var recorder = new MetricsRecorder();
        recorder.BeginSegment("measured", Origin);

        // Act
        Parallel.For(0, 20_000, i => recorder.Record(Sample(i % 1000, 1 + (i % 50), province: (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // Assert
        var snapshot = recorder.Snapshot();
        Assert.Equal(20_000, snapshot.Completed);
        Assert.Equal(20_000, snapshot.Stage(StageNames.EndToEnd)!.ByProvince.Values.Sum(stats => stats.Count));
    }
}
