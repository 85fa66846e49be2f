using Ceiba.Network.Protos.Common;
using Rule = Ceiba.Network.Protos.Common.ImplicitMetaPolicy.Types.Rule;

namespace Ceiba.Network.Policies;

/// <summary>
/// Compiles policies that live outside a channel configuration's tree, such as a chaincode
/// definition's endorsement policy.
/// </summary>
public static class PolicyCompiler
{
    /// <summary>Compiles a signature policy: NOutOf and SignedBy rules over MSP role principals.</summary>
    /// <exception cref="InvalidPolicyException">A SignedBy index is out of range or a rule is empty.</exception>
    public static IPolicy Signature(SignaturePolicyEnvelope envelope) => Internal.SignaturePolicy.Compile(envelope);

    /// <summary>An implicit-meta policy: ANY, ALL or MAJORITY of <paramref name="subPolicies"/> must be satisfied.</summary>
    /// <exception cref="InvalidPolicyException">The rule is unknown.</exception>
    public static IPolicy ImplicitMeta(Rule rule, IReadOnlyList<IPolicy> subPolicies)
    {
        ArgumentNullException.ThrowIfNull(subPolicies);
        return new Internal.ImplicitMetaPolicy(rule, subPolicies);
    }
}
