using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Topology.Generation.ChannelConfig;

/// <summary>Encodes policies as the protobuf Fabric stores in a channel configuration.</summary>
public static class PolicyEncoding
{
    /// <summary>An implicit-meta policy such as "MAJORITY Admins".</summary>
    public static Policy ImplicitMeta(ImplicitMetaPolicy.Types.Rule rule, string subPolicy) => new()
    {
        Type = (int)Policy.Types.PolicyType.ImplicitMeta,
        Value = new ImplicitMetaPolicy { Rule = rule, SubPolicy = subPolicy }.ToByteString(),
    };

    /// <summary>A signature policy wrapped as a config <see cref="Policy"/>.</summary>
    public static Policy Signature(SignaturePolicyEnvelope envelope) => new()
    {
        Type = (int)Policy.Types.PolicyType.Signature,
        Value = envelope.ToByteString(),
    };

    /// <summary>OR('msp.role1', 'msp.role2', ...) over one MSP, the shape of an org's Readers/Writers/Admins/Endorsement policies.</summary>
    public static SignaturePolicyEnvelope AnyOf(string mspId, params MSPRole.Types.MSPRoleType[] roles)
    {
        var envelope = new SignaturePolicyEnvelope { Rule = new SignaturePolicy { NOutOf = new SignaturePolicy.Types.NOutOf { N = 1 } } };
        for (var i = 0; i < roles.Length; i++)
        {
            envelope.Identities.Add(RolePrincipal(mspId, roles[i]));
            envelope.Rule.NOutOf.Rules.Add(new SignaturePolicy { SignedBy = i });
        }
        return envelope;
    }

    /// <summary>An MSP role principal, e.g. HabanaMSP.peer.</summary>
    public static MSPPrincipal RolePrincipal(string mspId, MSPRole.Types.MSPRoleType role) => new()
    {
        PrincipalClassification = MSPPrincipal.Types.Classification.Role,
        Principal = new MSPRole { MspIdentifier = mspId, Role = role }.ToByteString(),
    };
}
