namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>
/// Plans which organizations the gateway asks for endorsements at the same time. With the endorser identity each
/// organization answered with before, it picks, in the given order, the fewest organizations that satisfy the policy
/// together with the endorsements already collected. An organization that has never endorsed ends the wave: its
/// identity is learnt from its answer, and the next wave is planned with it.
/// </summary>
internal static class EndorsementWaves
{
    /// <param name="candidates">The organizations not asked yet, in the order to try them.</param>
    /// <param name="collected">The identities of the endorsements already collected.</param>
    /// <param name="knownIdentity">The identity an organization endorsed with before, or null when it never has.</param>
    /// <param name="isSatisfied">True when a set of endorser identities satisfies the policy.</param>
    /// <returns>The organizations to ask now, concurrently; empty when <paramref name="collected"/> already satisfies the policy.</returns>
    public static List<string> Next<TIdentity>(
        IReadOnlyList<string> candidates, IReadOnlyList<TIdentity> collected, Func<string, TIdentity?> knownIdentity, Func<IReadOnlyList<TIdentity>, bool> isSatisfied)
        where TIdentity : class
    {
        var plan = new List<TIdentity>(collected);
        var wave = new List<string>();
        var satisfied = isSatisfied(plan);
        foreach (var org in candidates)
        {
            if (satisfied)
            {
                break;
            }

            wave.Add(org);
            if (knownIdentity(org) is not { } identity)
            {
                return wave;
            }

            plan.Add(identity);
            satisfied = isSatisfied(plan);
        }

        if (satisfied)
        {
            // Later picks may make earlier ones unnecessary, e.g. AND(A, B) tried in the order C, B: drop C.
            for (var i = wave.Count - 1; i >= 0; i--)
            {
                var without = plan.ToList();
                without.Remove(knownIdentity(wave[i])!);
                if (isSatisfied(without))
                {
                    plan = without;
                    wave.RemoveAt(i);
                }
            }
        }

        return wave;
    }
}
