using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Policies.Internal;

/// <summary>
/// A compiled <c>SignaturePolicyEnvelope</c>: NOutOf and SignedBy rules over MSP role principals.
/// As Fabric, every identity satisfies at most one SignedBy leaf of a successful evaluation.
/// </summary>
internal sealed class SignaturePolicy : IPolicy
{
    private readonly Rule _rule;

    private SignaturePolicy(Rule rule) => _rule = rule;

    /// <summary>Compiles an envelope; principals that are not MSP roles never match.</summary>
    /// <exception cref="InvalidPolicyException">A SignedBy index is out of range or a rule is empty.</exception>
    public static SignaturePolicy Compile(SignaturePolicyEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var principals = envelope.Identities.Select(PrincipalReader.TryRead).ToArray();
        return new SignaturePolicy(CompileRule(envelope.Rule ?? throw new InvalidPolicyException("signature policy without a rule"), principals));
    }

    /// <inheritdoc />
    public bool IsSatisfiedBy(IReadOnlyList<MspIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        var used = new bool[identities.Count];
        return _rule.Evaluate(identities, used);
    }

    private static Rule CompileRule(Protos.Common.SignaturePolicy rule, MspPrincipal?[] principals) => rule.TypeCase switch
    {
        Protos.Common.SignaturePolicy.TypeOneofCase.SignedBy when rule.SignedBy >= 0 && rule.SignedBy < principals.Length =>
            new SignedByRule(principals[rule.SignedBy]),
        Protos.Common.SignaturePolicy.TypeOneofCase.SignedBy =>
            throw new InvalidPolicyException($"SignedBy index {rule.SignedBy} is out of range (the policy has {principals.Length} identities)"),
        Protos.Common.SignaturePolicy.TypeOneofCase.NOutOf =>
            new NOutOfRule(rule.NOutOf.N, [.. rule.NOutOf.Rules.Select(r => CompileRule(r, principals))]),
        _ => throw new InvalidPolicyException("a signature policy rule is neither SignedBy nor NOutOf"),
    };

    private abstract class Rule
    {
        public abstract bool Evaluate(IReadOnlyList<MspIdentity> identities, bool[] used);
    }

    private sealed class SignedByRule(MspPrincipal? principal) : Rule
    {
        public override bool Evaluate(IReadOnlyList<MspIdentity> identities, bool[] used)
        {
            if (principal is not { } required)
            {
                return false;
            }

            for (var i = 0; i < identities.Count; i++)
            {
                if (!used[i] && identities[i].Satisfies(required))
                {
                    used[i] = true;
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class NOutOfRule(int n, Rule[] rules) : Rule
    {
        public override bool Evaluate(IReadOnlyList<MspIdentity> identities, bool[] used)
        {
            var satisfied = 0;
            var attempt = new bool[used.Length];
            foreach (var rule in rules)
            {
                used.CopyTo(attempt, 0);
                if (rule.Evaluate(identities, attempt))
                {
                    satisfied++;
                    attempt.CopyTo(used, 0);
                }
            }

            return satisfied >= n;
        }
    }
}
