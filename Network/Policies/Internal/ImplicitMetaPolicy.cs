using Ceiba.Network.Msp;
using Rule = Ceiba.Network.Protos.Common.ImplicitMetaPolicy.Types.Rule;

namespace Ceiba.Network.Policies.Internal;

/// <summary>
/// ANY, ALL or MAJORITY of the same-named policy of every sub-group, as Fabric's implicit-meta
/// policies: with no sub-groups, ALL is satisfied and ANY and MAJORITY are not.
/// </summary>
internal sealed class ImplicitMetaPolicy(Rule rule, IReadOnlyList<IPolicy> subPolicies) : IPolicy
{
    private readonly int _threshold = rule switch
    {
        Rule.Any => 1,
        Rule.All => subPolicies.Count,
        Rule.Majority => subPolicies.Count / 2 + 1,
        _ => throw new InvalidPolicyException($"unknown implicit-meta rule {rule}"),
    };

    /// <inheritdoc />
    public bool IsSatisfiedBy(IReadOnlyList<MspIdentity> identities)
    {
        if (_threshold == 0)
        {
            return true;
        }

        var satisfied = 0;
        foreach (var policy in subPolicies)
        {
            if (policy.IsSatisfiedBy(identities) && ++satisfied >= _threshold)
            {
                return true;
            }
        }

        return false;
    }
}
