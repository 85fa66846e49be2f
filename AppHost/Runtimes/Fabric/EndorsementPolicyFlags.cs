using Ceiba.Network.Topology;
using Ceiba.Network.Topology.Policies;

namespace Ceiba.AppHost.Runtimes.Fabric;

/// <summary>
/// Turns a chaincode's endorsement policy into the <c>peer lifecycle chaincode</c> flags that put the same policy
/// in the chaincode definition: <c>--signature-policy</c> for a signature policy, and for an implicit-meta policy
/// <c>--channel-config-policy</c> naming the channel's application policy that has exactly that rule.
/// </summary>
public static class EndorsementPolicyFlags
{
    /// <summary>The application-level policies of a generated channel (ChannelConfigBuilder), by their implicit-meta text.</summary>
    private static readonly Dictionary<string, string> ChannelPolicies = new(StringComparer.Ordinal)
    {
        ["MAJORITY Endorsement"] = "/Channel/Application/Endorsement",
        ["ANY Readers"] = "/Channel/Application/Readers",
        ["ANY Writers"] = "/Channel/Application/Writers",
        ["MAJORITY Admins"] = "/Channel/Application/Admins",
    };

    /// <summary>The flag and its value, e.g. <c>["--signature-policy", "OR('HabanaMSP.peer')"]</c>.</summary>
    /// <exception cref="FabricRuntimeException">The policy does not parse, or no channel policy has that implicit-meta rule.</exception>
    public static IReadOnlyList<string> For(ChaincodeDefinition chaincode)
    {
        ArgumentNullException.ThrowIfNull(chaincode);
        PolicyExpression policy;
        try
        {
            policy = chaincode.GetEndorsementPolicy();
        }
        catch (PolicySyntaxException error)
        {
            throw new FabricRuntimeException($"Chaincode '{chaincode.Name}': endorsementPolicy '{chaincode.EndorsementPolicy}': {error.Message}", error);
        }
        return policy switch
        {
            SignaturePolicyExpression signature => ["--signature-policy", signature.Format()],
            ImplicitMetaPolicyExpression meta when ChannelPolicies.TryGetValue(meta.Format(), out var path) => ["--channel-config-policy", path],
            _ => throw new FabricRuntimeException(
                $"Chaincode '{chaincode.Name}': endorsementPolicy '{chaincode.EndorsementPolicy}' is implicit-meta but the generated channel has no policy with that rule; " +
                $"use one of {string.Join(", ", ChannelPolicies.Keys)} or a signature policy such as OR('HabanaMSP.peer')."),
        };
    }
}
