using Ceiba.Network.Peer.Gateway.Internal;

namespace Ceiba.Network.Peer.Tests.Gateway;

public sealed class EndorsementWavesTests
{
    // Identities are the org names themselves; a policy is a predicate over the set of orgs that endorsed.
    private static readonly Func<string, string?> AllKnown = org => org;

    private static Func<IReadOnlyList<string>, bool> AtLeast(int count) => endorsers => endorsers.Distinct().Count() >= count;

    [Fact]
    public void With_every_identity_known_one_wave_asks_all_the_orgs_a_majority_still_needs()
    {
        // Arrange: MAJORITY of 5 orgs, this peer's org (A) has endorsed
        string[] candidates = ["C", "D", "E", "B"];

        // Act
        var wave = EndorsementWaves.Next(candidates, ["A"], AllKnown, AtLeast(3));

        // Assert
        Assert.Equal(["C", "D"], wave);
    }

    [Fact]
    public void An_org_that_never_endorsed_ends_the_wave_so_that_its_identity_is_learnt_first()
    {
        // Arrange
        string[] candidates = ["C", "D", "E"];

        // Act
        var wave = EndorsementWaves.Next(candidates, ["A"], org => org == "D" ? null : org, AtLeast(4));

        // Assert
        Assert.Equal(["C", "D"], wave);
    }

    [Fact]
    public void Orgs_that_a_later_pick_makes_unnecessary_are_dropped()
    {
        // Arrange: AND(A, B), tried in the order C, B
        static bool AandB(IReadOnlyList<string> endorsers) => endorsers.Contains("A") && endorsers.Contains("B");

        // Act
        var wave = EndorsementWaves.Next(["C", "B"], ["A"], AllKnown, AandB);

        // Assert
        Assert.Equal(["B"], wave);
    }

    [Fact]
    public void Nothing_is_asked_when_the_collected_endorsements_already_satisfy_the_policy()
    {
        // Act
        var wave = EndorsementWaves.Next(["B", "C"], ["A"], AllKnown, AtLeast(1));

        // Assert
        Assert.Empty(wave);
    }

    [Fact]
    public void When_the_known_identities_cannot_satisfy_the_policy_every_candidate_is_asked()
    {
        // Act
        var wave = EndorsementWaves.Next(["B", "C"], ["A"], AllKnown, AtLeast(5));

        // Assert
        Assert.Equal(["B", "C"], wave);
    }

    [Fact]
    public void After_a_failed_org_the_next_wave_replaces_it_with_the_next_candidate()
    {
        // Arrange: the first wave asked C and D for MAJORITY of 5; D failed, so C is collected and D is no candidate
        string[] remaining = ["E", "B"];

        // Act
        var wave = EndorsementWaves.Next(remaining, ["A", "C"], AllKnown, AtLeast(3));

        // Assert
        Assert.Equal(["E"], wave);
    }
}
