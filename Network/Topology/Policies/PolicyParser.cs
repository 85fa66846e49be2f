using System.Buffers;
using System.Globalization;

namespace Ceiba.Network.Topology.Policies;

using MspRole = Ceiba.Network.Msp.MspRole;

/// <summary>A recursive-descent parser for Fabric's policy language; see <see cref="PolicyExpression"/> for the grammar.</summary>
internal sealed class PolicyParser(string text)
{
    private const string GateChoices = "AND, OR or OutOf";
    private const string ExprChoices = "a principal such as 'Org1MSP.peer' or a nested AND, OR or OutOf";
    private const string Roles = "member, admin, client, peer or orderer";

    private static readonly SearchValues<char> MspIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-");

    private int _pos;
    private int _depth;

    private bool AtEnd => _pos >= text.Length;

    private char Current => text[_pos];

    /// <summary>policy := implicit-meta | gate, with optional whitespace around.</summary>
    public PolicyExpression ParsePolicy()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Error("a policy such as \"MAJORITY Endorsement\" or \"OR('Org1MSP.peer')\"");
        }
        if (Current is '\'' or '"')
        {
            throw Error("AND, OR or OutOf around the principal, as in OR('Org1MSP.peer')");
        }
        var start = _pos;
        var word = ReadWord();
        PolicyExpression policy = TryImplicitMetaRule(word, start, out var rule)
            ? ParseImplicitMeta(rule)
            : ParseGateAt(start, word);
        SkipWhitespace();
        if (!AtEnd)
        {
            throw Error("the end of the policy");
        }
        return policy;
    }

    private ImplicitMetaPolicyExpression ParseImplicitMeta(ImplicitMetaRule rule)
    {
        var afterRule = _pos;
        SkipWhitespace();
        if (_pos == afterRule)
        {
            throw Error("a space and then a sub-policy name, as in \"MAJORITY Endorsement\"");
        }
        var start = _pos;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current is '_' or '-' or '.'))
        {
            _pos++;
        }
        if (_pos == start || !char.IsAsciiLetter(text[start]))
        {
            throw Error(start, "a sub-policy name such as Endorsement, Admins, Readers or Writers");
        }
        return new ImplicitMetaPolicyExpression(rule, text[start.._pos]);
    }

    /// <summary>expr := principal | gate.</summary>
    private SignaturePolicyExpression ParseExpression()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Error(ExprChoices);
        }
        if (Current is '\'' or '"')
        {
            return ParsePrincipal();
        }
        var start = _pos;
        var word = ReadWord();
        if (word.Length == 0)
        {
            throw Error(start, ExprChoices);
        }
        if (!AtEnd && Current == '.')
        {
            throw Error(start, "a principal in quotes, such as 'Org1MSP.peer'");
        }
        return ParseGateAt(start, word);
    }

    /// <summary>gate := GATE '(' [count ','] expr (',' expr)* ')', the gate word already read from <paramref name="start"/>.</summary>
    private NOutOf ParseGateAt(int start, string word)
    {
        var gate = word switch
        {
            "AND" or "And" or "and" => Gate.And,
            "OR" or "Or" or "or" => Gate.Or,
            "OutOf" or "outof" or "OUTOF" => Gate.OutOf,
            _ => throw UnknownGate(start, word),
        };
        if (++_depth > PolicyExpression.MaxDepth)
        {
            throw Error(start, $"at most {PolicyExpression.MaxDepth} nested gates");
        }
        SkipWhitespace();
        Expect('(');
        var count = 0;
        var countPosition = 0;
        if (gate == Gate.OutOf)
        {
            SkipWhitespace();
            countPosition = _pos;
            count = ParseCount();
            SkipWhitespace();
            Expect(',');
        }
        var rules = new List<SignaturePolicyExpression> { ParseExpression() };
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                throw Error("')'");
            }
            if (Current == ')')
            {
                _pos++;
                break;
            }
            if (Current != ',')
            {
                throw Error("',' or ')'");
            }
            _pos++;
            rules.Add(ParseExpression());
        }
        _depth--;
        return gate switch
        {
            Gate.And => new NOutOf(rules.Count, rules),
            Gate.Or => new NOutOf(1, rules),
            _ when count > rules.Count + 1 => throw Error(
                countPosition, $"a count from 0 to {rules.Count + 1} for OutOf over {rules.Count} policies"),
            _ => new NOutOf(count, rules),
        };
    }

    /// <summary>count := digits | quoted digits (Fabric accepts both).</summary>
    private int ParseCount()
    {
        const string expected = "a count such as 2 (a whole number, 0 or more)";
        var start = _pos;
        var quote = !AtEnd && Current is '\'' or '"' ? Current : '\0';
        if (quote != '\0')
        {
            _pos++;
        }
        var digitsStart = _pos;
        while (!AtEnd && char.IsAsciiDigit(Current))
        {
            _pos++;
        }
        if (_pos == digitsStart
            || !int.TryParse(text.AsSpan(digitsStart, _pos - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw Error(start, expected);
        }
        if (quote != '\0')
        {
            Expect(quote);
        }
        return count;
    }

    /// <summary>principal := quote MSPID '.' ROLE quote, with the same quote at both ends.</summary>
    private SignedBy ParsePrincipal()
    {
        var quote = Current;
        _pos++;
        var start = _pos;
        var end = text.IndexOf(quote, start);
        if (end < 0)
        {
            _pos = text.Length;
            throw Error($"a closing {quote} for the principal that starts at position {start - 1}");
        }
        var dot = text.LastIndexOf('.', end - 1, end - start);
        if (dot < 0)
        {
            throw Error(start, $"a principal 'MSPID.role' with role {Roles}");
        }
        var badChar = text.AsSpan(start, dot - start).IndexOfAnyExcept(MspIdChars);
        if (dot == start || badChar >= 0)
        {
            throw Error(dot == start ? start : start + badChar, "an MSP ID of letters, digits, '.' and '-' before the role");
        }
        var roleText = text[(dot + 1)..end];
        var role = roleText switch
        {
            "member" => MspRole.Member,
            "admin" => MspRole.Admin,
            "client" => MspRole.Client,
            "peer" => MspRole.Peer,
            "orderer" => MspRole.Orderer,
            _ => throw Error(dot + 1, $"a role {Roles} (lower case)"),
        };
        _pos = end + 1;
        return new SignedBy(text[start..dot], role);
    }

    private bool TryImplicitMetaRule(string word, int start, out ImplicitMetaRule rule)
    {
        switch (word)
        {
            case "ANY": rule = ImplicitMetaRule.Any; return true;
            case "ALL": rule = ImplicitMetaRule.All; return true;
            case "MAJORITY": rule = ImplicitMetaRule.Majority; return true;
        }
        rule = default;
        if (word.ToUpperInvariant() is "ANY" or "ALL" or "MAJORITY")
        {
            throw Error(start, $"ANY, ALL or MAJORITY in upper case, as Fabric requires, not '{word}'");
        }
        return false;
    }

    private PolicySyntaxException UnknownGate(int start, string word)
    {
        var upper = word.ToUpperInvariant();
        var hint = upper switch
        {
            "AND" => " (Fabric accepts AND, And or and)",
            "OR" => " (Fabric accepts OR, Or or or)",
            "OUTOF" => " (Fabric accepts OutOf, outof or OUTOF)",
            _ => word.Length == 0 ? "" : $" or an implicit-meta rule ANY, ALL or MAJORITY, not '{word}'",
        };
        return Error(start, GateChoices + hint);
    }

    private string ReadWord()
    {
        var start = _pos;
        while (!AtEnd && char.IsAsciiLetterOrDigit(Current))
        {
            _pos++;
        }
        return text[start.._pos];
    }

    private void Expect(char c)
    {
        if (AtEnd || Current != c)
        {
            throw Error($"'{c}'");
        }
        _pos++;
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _pos++;
        }
    }

    private PolicySyntaxException Error(string expected) => Error(_pos, expected);

    private PolicySyntaxException Error(int position, string expected) => new(text, position, expected);

    private enum Gate
    {
        And,
        Or,
        OutOf,
    }
}
