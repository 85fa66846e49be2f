using Ceiba.LoadTests.Engine.Internal;
using Ceiba.LoadTests.Scenarios;

namespace Ceiba.LoadTests.Tests.Engine;

public sealed class ArrivalScheduleTests
{
    [Fact]
    public void A_constant_phase_places_arrival_k_at_k_over_rate()
    {
        // Arrange
        var schedule = ArrivalSchedule.Constant(10, TimeSpan.FromSeconds(2));

        // Act
        var arrivals = schedule.Arrivals().ToList();

        // Assert
        Assert.Equal(20, arrivals.Count);
        Assert.Equal(TimeSpan.FromSeconds(1.5), arrivals[15].Offset);
    }

    [Fact]
    public void A_ramp_offers_the_integral_of_its_rate_and_speeds_up()
    {
        // Arrange: 0 → 20/s over 2 s offers 20 arrivals.
        var schedule = new ArrivalSchedule([new ArrivalPhase { Rate = 0, RampTo = 20, Duration = TimeSpan.FromSeconds(2) }], repeatLast: false);

        // Act
        var offsets = schedule.Arrivals().Select(arrival => arrival.Offset.TotalSeconds).ToList();

        // Assert
        Assert.Equal(20, offsets.Count);
        var gaps = offsets.Zip(offsets.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps[0] > gaps[^1]);
        Assert.All(gaps, gap => Assert.True(gap > 0));
    }

    [Fact]
    public void Phases_follow_each_other_and_the_last_repeats_when_asked()
    {
        // Arrange
        ArrivalPhase[] phases =
        [
            new() { Rate = 2, Duration = TimeSpan.FromSeconds(1) },
            new() { Rate = 4, Duration = TimeSpan.FromSeconds(1) },
        ];
        var schedule = new ArrivalSchedule(phases, repeatLast: true);

        // Act
        var first = schedule.Arrivals().Take(10).ToList();

        // Assert: 2 arrivals in phase 0, then phase 1 at 4/s repeating past its first second.
        Assert.Equal([0, 0, 1, 1, 1, 1, 1, 1, 1, 1], first.Select(arrival => arrival.Phase));
        Assert.Equal(TimeSpan.FromSeconds(2), first[6].Offset);
    }
}
