using Ceiba.Network.Msp;
using Ceiba.Network.Policies.Internal;
using Ceiba.Network.Protos.Common;
using ProtoImplicitMeta = Ceiba.Network.Protos.Common.ImplicitMetaPolicy;

namespace Ceiba.Network.Policies;

/// <summary>
/// Every policy of a channel configuration, compiled and addressable by path
/// (<c>/Channel/Writers</c>, <c>/Channel/Application/HabanaMSP/Endorsement</c>), with the
/// channel's MSPs to validate signers. Thread-safe and immutable.
/// </summary>
public sealed class ChannelPolicies
{
    private const string Root = "/Channel";

    private readonly Dictionary<string, IPolicy> _policies;

    private ChannelPolicies(Dictionary<string, IPolicy> policies, MspRegistry msps)
    {
        _policies = policies;
        Msps = msps;
    }

    /// <summary>The channel's MSPs (application and orderer organizations).</summary>
    public MspRegistry Msps { get; }

    /// <summary>The compiled policy paths.</summary>
    public IEnumerable<string> Paths => _policies.Keys;

    /// <summary>Compiles the policies of a channel's root <c>Channel</c> group.</summary>
    /// <param name="channelGroup">The root group of the channel configuration.</param>
    /// <param name="clock">The clock for certificate validity; default the system clock.</param>
    /// <exception cref="InvalidPolicyException">A policy cannot be compiled.</exception>
    public static ChannelPolicies FromConfig(ConfigGroup channelGroup, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(channelGroup);
        var policies = new Dictionary<string, IPolicy>(StringComparer.Ordinal);
        Compile(Root, channelGroup, policies);
        return new ChannelPolicies(policies, ChannelMsps.FromConfig(channelGroup, clock));
    }

    /// <summary>The policy at <paramref name="path"/>, or null.</summary>
    public IPolicy? Find(string path) => _policies.GetValueOrDefault(path);

    /// <summary>
    /// Evaluates the policy at <paramref name="path"/> over signatures: each signer is validated by its
    /// MSP and each signature verified; invalid ones are dropped and duplicates count once.
    /// </summary>
    public PolicyResult Evaluate(string path, IReadOnlyList<SignedData> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        var identities = new List<MspIdentity>(signatures.Count);
        var reasons = new List<string>();
        foreach (var signed in signatures)
        {
            var validation = Msps.Validate(signed.Identity.Span);
            if (validation is not { IsValid: true, Identity: { } identity })
            {
                reasons.Add(validation.Reason);
                continue;
            }

            if (identity.VerifyMessage(signed.Data.Span, signed.Signature.Span) != SignatureStatus.Valid)
            {
                reasons.Add($"{identity}: the signature does not verify");
                continue;
            }

            if (!identities.Any(known => known.CertificatePem.Span.SequenceEqual(identity.CertificatePem.Span)))
            {
                identities.Add(identity);
            }
        }

        var result = Evaluate(path, identities);
        return result.IsSatisfied || reasons.Count == 0 ? result : PolicyResult.Failed($"{result.Reason}: {string.Join("; ", reasons)}");
    }

    /// <summary>Evaluates the policy at <paramref name="path"/> over identities already validated and verified.</summary>
    public PolicyResult Evaluate(string path, IReadOnlyList<MspIdentity> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        if (Find(path) is not { } policy)
        {
            return PolicyResult.Failed($"policy {path} does not exist");
        }

        return policy.IsSatisfiedBy(identities)
            ? PolicyResult.Satisfied
            : PolicyResult.Failed($"policy {path} is not satisfied by {Describe(identities)}");
    }

    private static string Describe(IReadOnlyList<MspIdentity> identities) =>
        identities.Count == 0 ? "no valid signature" : string.Join(", ", identities.Select(i => i.ToString()));

    private static Dictionary<string, IPolicy> Compile(string path, ConfigGroup group, Dictionary<string, IPolicy> all)
    {
        var children = group.Groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Compile($"{path}/{g.Key}", g.Value, all))
            .ToList();

        var local = new Dictionary<string, IPolicy>(StringComparer.Ordinal);
        foreach (var (name, configPolicy) in group.Policies)
        {
            var policy = configPolicy.Policy ?? throw new InvalidPolicyException($"{path}/{name}: empty policy");
            local[name] = (Policy.Types.PolicyType)policy.Type switch
            {
                Policy.Types.PolicyType.Signature =>
                    Internal.SignaturePolicy.Compile(SignaturePolicyEnvelope.Parser.ParseFrom(policy.Value)),
                Policy.Types.PolicyType.ImplicitMeta => CompileImplicitMeta(ProtoImplicitMeta.Parser.ParseFrom(policy.Value), children),
                _ => throw new InvalidPolicyException($"{path}/{name}: unsupported policy type {policy.Type}"),
            };
            all[$"{path}/{name}"] = local[name];
        }

        return local;
    }

    private static Internal.ImplicitMetaPolicy CompileImplicitMeta(ProtoImplicitMeta meta, List<Dictionary<string, IPolicy>> children) =>
        new(meta.Rule, [.. children.Select(c => c.GetValueOrDefault(meta.SubPolicy) ?? NeverSatisfied.Instance)]);

    private sealed class NeverSatisfied : IPolicy
    {
        public static NeverSatisfied Instance { get; } = new();

        public bool IsSatisfiedBy(IReadOnlyList<MspIdentity> identities) => false;
    }
}
