using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology.Policies;
using Google.Protobuf;
using ProtoSignaturePolicy = Ceiba.Network.Protos.Common.SignaturePolicy;
using MetaRule = Ceiba.Network.Protos.Common.ImplicitMetaPolicy.Types.Rule;

namespace Ceiba.Network.Peer.Validation.Internal;

/// <summary>
/// Compiles a chaincode definition's policy text into a policy: a signature policy over MSP role
/// principals, or an implicit-meta rule over the application orgs' sub-policies of the channel.
/// </summary>
internal static class PolicyExpressionCompiler
{
    private const string ApplicationPrefix = "/Channel/Application/";

    public static IPolicy Compile(PolicyExpression expression, ChannelPolicies channel) => expression switch
    {
        SignaturePolicyExpression signature => PolicyCompiler.Signature(Envelope(signature)),
        ImplicitMetaPolicyExpression meta => PolicyCompiler.ImplicitMeta(ToRule(meta.Rule), [.. OrgPolicies(channel, meta.SubPolicy)]),
        _ => throw new InvalidPolicyException($"unsupported policy expression {expression}"),
    };

    private static IEnumerable<IPolicy> OrgPolicies(ChannelPolicies channel, string subPolicy)
    {
        var orgs = channel.Paths
            .Where(p => p.StartsWith(ApplicationPrefix, StringComparison.Ordinal))
            .Select(p => p[ApplicationPrefix.Length..].Split('/'))
            .Where(parts => parts.Length == 2)
            .Select(parts => parts[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return orgs.Select(org => channel.Find($"{ApplicationPrefix}{org}/{subPolicy}") ?? Never.Instance);
    }

    private static SignaturePolicyEnvelope Envelope(SignaturePolicyExpression expression)
    {
        var principals = expression.Principals().Distinct().ToList();
        var envelope = new SignaturePolicyEnvelope { Rule = Rule(expression, principals) };
        envelope.Identities.AddRange(principals.Select(p => new MSPPrincipal
        {
            PrincipalClassification = MSPPrincipal.Types.Classification.Role,
            Principal = new MSPRole { MspIdentifier = p.MspId, Role = (MSPRole.Types.MSPRoleType)(int)p.Role }.ToByteString(),
        }));
        return envelope;
    }

    private static ProtoSignaturePolicy Rule(SignaturePolicyExpression expression, List<SignedBy> principals)
    {
        switch (expression)
        {
            case SignedBy signedBy:
                return new ProtoSignaturePolicy { SignedBy = principals.IndexOf(signedBy) };
            case NOutOf nOutOf:
                var rule = new ProtoSignaturePolicy.Types.NOutOf { N = nOutOf.N };
                rule.Rules.AddRange(nOutOf.Rules.Select(r => Rule(r, principals)));
                return new ProtoSignaturePolicy { NOutOf = rule };
            default:
                throw new InvalidPolicyException($"unsupported signature policy expression {expression}");
        }
    }

    private static MetaRule ToRule(ImplicitMetaRule rule) => rule switch
    {
        ImplicitMetaRule.Any => MetaRule.Any,
        ImplicitMetaRule.All => MetaRule.All,
        ImplicitMetaRule.Majority => MetaRule.Majority,
        _ => throw new InvalidPolicyException($"unknown implicit-meta rule {rule}"),
    };

    private sealed class Never : IPolicy
    {
        public static Never Instance { get; } = new();

        public bool IsSatisfiedBy(IReadOnlyList<Msp.MspIdentity> identities) => false;
    }
}
