using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Engine.Internal;

/// <summary>
/// The intended start offsets of an open-model run: phases one after another, each a constant rate or a linear
/// ramp; the last phase repeats when <see cref="RepeatLast"/> is set. Offsets are exact (arrival k of a constant
/// phase is at k / rate), so late dispatch never shifts later arrivals.
/// </summary>
internal sealed class ArrivalSchedule(IReadOnlyList<ArrivalPhase> phases, bool repeatLast)
{
    public bool RepeatLast { get; } = repeatLast;

    /// <summary>A schedule of one constant-rate phase.</summary>
    public static ArrivalSchedule Constant(double rate, TimeSpan duration, bool repeat = false) =>
        new([new ArrivalPhase { Rate = rate, Duration = duration }], repeat);

    /// <summary>The arrivals in order: the phase index and the offset from the schedule's start.</summary>
    public IEnumerable<(int Phase, TimeSpan Offset)> Arrivals()
    {
        var phaseStart = TimeSpan.Zero;
        for (var index = 0; index < phases.Count; index++)
        {
            var phase = phases[index];
            var isLast = index == phases.Count - 1;
            do
            {
                if (phase.Duration <= TimeSpan.Zero)
                {
                    break;
                }
                foreach (var offset in PhaseOffsets(phase))
                {
                    yield return (index, phaseStart + offset);
                }
                phaseStart += phase.Duration;
            }
            while (isLast && RepeatLast && (phase.Rate > 0 || phase.RampTo > 0));
        }
    }

    /// <summary>Where each phase starts, from the schedule's start (repetitions of the last phase excluded).</summary>
    public IReadOnlyList<TimeSpan> PhaseStarts()
    {
        var starts = new List<TimeSpan>(phases.Count);
        var at = TimeSpan.Zero;
        foreach (var phase in phases)
        {
            starts.Add(at);
            at += phase.Duration;
        }
        return starts;
    }

    /// <summary>A short label such as <c>50/s</c> or <c>10→100/s</c>.</summary>
    public static string Describe(ArrivalPhase phase) =>
        phase.RampTo is { } to && to != phase.Rate ? $"{phase.Rate:0.##}→{to:0.##}/s" : $"{phase.Rate:0.##}/s";

    private static IEnumerable<TimeSpan> PhaseOffsets(ArrivalPhase phase)
    {
        var seconds = phase.Duration.TotalSeconds;
        var from = phase.Rate;
        var to = phase.RampTo ?? phase.Rate;
        var slope = (to - from) / seconds; // rate change per second
        for (long k = 0; ; k++)
        {
            double t;
            if (Math.Abs(slope) < 1e-12)
            {
                if (from <= 0)
                {
                    yield break;
                }
                t = k / from;
            }
            else
            {
                // The k-th arrival is where the cumulative arrivals from*t + slope*t²/2 reach k.
                var discriminant = (from * from) + (2 * slope * k);
                if (discriminant < 0)
                {
                    yield break;
                }
                t = (-from + Math.Sqrt(discriminant)) / slope;
            }
            if (t >= seconds || double.IsNaN(t))
            {
                yield break;
            }
            yield return TimeSpan.FromSeconds(t);
        }
    }
}
