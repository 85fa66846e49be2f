using System.Diagnostics.CodeAnalysis;

namespace Ceiba.Network.Msp;

/// <summary>A policy principal such as <c>HabanaMSP.peer</c> or <c>HabanaMSP.member</c>.</summary>
/// <param name="MspId">The MSP ID.</param>
/// <param name="Role">The role required within that MSP.</param>
public readonly record struct MspPrincipal(string MspId, MspRole Role)
{
    /// <summary>Parses <c>&lt;MspId&gt;.&lt;role&gt;</c> where role is member, admin, client, peer or orderer (split at the last dot).</summary>
    /// <exception cref="FormatException">The text is not a principal.</exception>
    public static MspPrincipal Parse(string text) =>
        TryParse(text, out var principal) ? principal : throw new FormatException($"Not an MSP principal (expected e.g. HabanaMSP.peer): \"{text}\"");

    /// <summary>Parses <c>&lt;MspId&gt;.&lt;role&gt;</c>; false when the text is not a principal.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out MspPrincipal principal)
    {
        principal = default;
        var dot = text?.LastIndexOf('.') ?? -1;
        if (text is null || dot <= 0)
        {
            return false;
        }

        MspRole? role = text[(dot + 1)..] switch
        {
            "member" => MspRole.Member,
            "admin" => MspRole.Admin,
            "client" => MspRole.Client,
            "peer" => MspRole.Peer,
            "orderer" => MspRole.Orderer,
            _ => null,
        };
        if (role is null)
        {
            return false;
        }

        principal = new MspPrincipal(text[..dot], role.Value);
        return true;
    }

    /// <summary>The principal as Fabric policies write it, e.g. <c>HabanaMSP.peer</c>.</summary>
    public override string ToString() => $"{MspId}.{Role.ToString().ToLowerInvariant()}";
}
