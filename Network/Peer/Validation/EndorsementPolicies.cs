using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Validation.Internal;
using Ceiba.Network.Policies;
using Ceiba.Network.Topology.Policies;

namespace Ceiba.Network.Peer.Validation;

/// <summary>
/// The endorsement policy of every chaincode defined on a channel, compiled against the channel's
/// configuration: signature policies (AND, OR, OutOf over org role principals) or implicit-meta
/// MAJORITY/ANY/ALL over the application orgs' <c>Endorsement</c> (or other) sub-policies.
/// </summary>
public sealed class EndorsementPolicies
{
    private readonly Dictionary<string, IPolicy> _policies;

    private EndorsementPolicies(Dictionary<string, IPolicy> policies) => _policies = policies;

    /// <summary>Compiles <paramref name="definitions"/> (chaincode name → policy text such as <c>MAJORITY Endorsement</c> or <c>OR('HabanaMSP.peer')</c>).</summary>
    /// <exception cref="InvalidPolicyException">A policy text does not parse or compile.</exception>
    public static EndorsementPolicies Compile(ChannelPolicies channel, IEnumerable<KeyValuePair<string, string>> definitions)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(definitions);
        var policies = new Dictionary<string, IPolicy>(StringComparer.Ordinal);
        foreach (var (chaincode, text) in definitions)
        {
            if (!PolicyExpression.TryParse(text, out var expression, out var error))
            {
                throw new InvalidPolicyException($"chaincode {chaincode}: endorsement policy \"{text}\": {error.Message}");
            }

            policies[chaincode] = PolicyExpressionCompiler.Compile(expression, channel);
        }

        return new EndorsementPolicies(policies);
    }

    /// <summary>True when <paramref name="chaincode"/> is defined on the channel.</summary>
    public bool IsDefined(string chaincode) => _policies.ContainsKey(chaincode);

    /// <summary>Evaluates the policy of <paramref name="chaincode"/> over validated, verified endorsers; an identity listed twice counts once.</summary>
    public PolicyResult Evaluate(string chaincode, IReadOnlyList<MspIdentity> endorsers)
    {
        ArgumentNullException.ThrowIfNull(endorsers);
        if (!_policies.TryGetValue(chaincode, out var policy))
        {
            return PolicyResult.Failed($"chaincode {chaincode} is not defined on the channel");
        }

        return policy.IsSatisfiedBy(Distinct(endorsers))
            ? PolicyResult.Satisfied
            : PolicyResult.Failed($"the endorsement policy of {chaincode} is not satisfied by {(endorsers.Count == 0 ? "no valid endorsement" : string.Join(", ", endorsers))}");
    }

    /// <summary>The endorsers with each certificate once; compared as bytes, since this runs for every transaction.</summary>
    internal static List<MspIdentity> Distinct(IReadOnlyList<MspIdentity> endorsers)
    {
        var distinct = new List<MspIdentity>(endorsers.Count);
        foreach (var endorser in endorsers)
        {
            var known = false;
            foreach (var other in distinct)
            {
                known |= other.CertificatePem.Span.SequenceEqual(endorser.CertificatePem.Span);
            }

            if (!known)
            {
                distinct.Add(endorser);
            }
        }

        return distinct;
    }
}
