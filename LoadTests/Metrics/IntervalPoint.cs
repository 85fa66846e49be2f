using Ceiba.LoadTests.Metrics.Resources;

namespace Ceiba.LoadTests.Metrics;

/// <summary>
/// One second of the measured window. Counts are bucketed by the event's own timestamp; latency percentiles are
/// those of the transactions that finished during the sampler's tick for that second.
/// </summary>
/// <param name="Second">Seconds since measuring began (0 is the first measured second).</param>
/// <param name="Started">Transactions started in this second: the send rate.</param>
/// <param name="Succeeded">Successful transactions finished in this second: the goodput.</param>
/// <param name="SucceededWrites">VALID commits in this second.</param>
/// <param name="ArrivalsScheduled">Flows the schedule meant to start in this second.</param>
public sealed record IntervalPoint(
    int Second,
    long Started,
    long Completed,
    long Succeeded,
    long SucceededWrites,
    long Failed,
    long ArrivalsScheduled,
    double EndToEndP50,
    double EndToEndP90,
    double EndToEndP99,
    double EndToEndMax,
    IReadOnlyList<ResourceReading> Resources);

/// <summary>What the live display shows once a second.</summary>
/// <param name="Elapsed">Time since the run started, warm-up included.</param>
/// <param name="Phase">The current segment's name, or <c>warm-up</c>.</param>
public sealed record ProgressUpdate(
    TimeSpan Elapsed,
    string Phase,
    double SentPerSecond,
    double GoodputPerSecond,
    double EndToEndP99,
    long Succeeded,
    long Failed,
    long InFlight);
