using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Policies.Internal;

/// <summary>Reads <c>MSPPrincipal</c>s of ROLE classification into <see cref="MspPrincipal"/>.</summary>
internal static class PrincipalReader
{
    /// <summary>The role principal, or null for classifications this evaluator does not support (they never match).</summary>
    public static MspPrincipal? TryRead(MSPPrincipal principal)
    {
        if (principal.PrincipalClassification != MSPPrincipal.Types.Classification.Role)
        {
            return null;
        }

        try
        {
            var role = MSPRole.Parser.ParseFrom(principal.Principal);
            return Enum.IsDefined((MspRole)role.Role) ? new MspPrincipal(role.MspIdentifier, (MspRole)role.Role) : null;
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
