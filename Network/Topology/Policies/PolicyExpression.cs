using System.Diagnostics.CodeAnalysis;

namespace Ceiba.Network.Topology.Policies;

/// <summary>
/// An endorsement policy in Fabric's policy language, parsed: either a <see cref="SignaturePolicyExpression"/>
/// (<c>AND</c>, <c>OR</c>, <c>OutOf</c> over <c>'MSPID.role'</c> principals) or an
/// <see cref="ImplicitMetaPolicyExpression"/> such as <c>MAJORITY Endorsement</c>.
/// </summary>
/// <remarks>
/// The grammar follows Fabric's <c>policydsl</c> (<c>peer lifecycle chaincode approveformyorg --signature-policy</c>):
/// <list type="bullet">
/// <item>gates <c>AND(e, ...)</c>, <c>OR(e, ...)</c>, <c>OutOf(n, e, ...)</c>, spelled in upper case, lower case or as
/// written here (Fabric accepts only those three spellings);</item>
/// <item>principals <c>'MSPID.role'</c> in single or double quotes, where MSPID is letters, digits, '.' and '-', and
/// role is member, admin, client, peer or orderer (lower case);</item>
/// <item>OutOf's count is an integer from 0 to one more than the number of sub-policies (Fabric's own range; n+1 makes a
/// policy that can never be met), optionally quoted;</item>
/// <item>implicit meta: <c>ANY|ALL|MAJORITY SubPolicy</c>, the rule in upper case.</item>
/// </list>
/// Whitespace may appear between any tokens. Nesting is limited to <see cref="MaxDepth"/> gates.
/// </remarks>
public abstract record PolicyExpression
{
    /// <summary>How deeply gates may nest.</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses <paramref name="text"/>, throwing <see cref="PolicySyntaxException"/> with the position of the first error.</summary>
    public static PolicyExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PolicyParser(text).ParsePolicy();
    }

    /// <summary>Parses <paramref name="text"/>; on failure returns false and the error.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out PolicyExpression? policy,
        [NotNullWhen(false)] out PolicySyntaxException? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            policy = Parse(text);
            error = null;
            return true;
        }
        catch (PolicySyntaxException e)
        {
            policy = null;
            error = e;
            return false;
        }
    }

    /// <summary>
    /// The canonical text of the policy, which <see cref="Parse"/> reads back to an equal expression:
    /// <c>OR(...)</c> for 1-of-n, <c>AND(...)</c> for n-of-n, otherwise <c>OutOf(k, ...)</c>; principals in single quotes.
    /// </summary>
    public abstract string Format();

    /// <summary>Every principal the policy names, in order of appearance (none for implicit meta).</summary>
    public abstract IEnumerable<SignedBy> Principals();

    /// <summary>The canonical text, as <see cref="Format"/>.</summary>
    public sealed override string ToString() => Format();
}
