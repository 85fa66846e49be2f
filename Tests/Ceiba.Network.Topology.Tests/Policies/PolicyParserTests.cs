using Ceiba.Network.Topology.Policies;

namespace Ceiba.Network.Topology.Tests.Policies;

using MspRole = Ceiba.Network.Msp.MspRole;

public class PolicyParserTests
{
    /// <summary>Valid policies and their canonical text.</summary>
    public static TheoryData<string, string> ValidPolicies => new()
    {
        { "AND('A.member', 'B.member')", "AND('A.member', 'B.member')" },
        { "OR('A.member', 'B.member')", "OR('A.member', 'B.member')" },
        { "OR('HabanaMSP.peer')", "OR('HabanaMSP.peer')" },
        { "AND('HabanaMSP.peer')", "OR('HabanaMSP.peer')" },
        { "OutOf(1, 'A.member', 'B.member')", "OR('A.member', 'B.member')" },
        { "OutOf(2, 'A.member', 'B.member')", "AND('A.member', 'B.member')" },
        { "OutOf(2, 'A.peer', 'B.peer', 'C.peer')", "OutOf(2, 'A.peer', 'B.peer', 'C.peer')" },
        { "OR('A.member', AND('B.member', 'C.member'))", "OR('A.member', AND('B.member', 'C.member'))" },
        { "OutOf(2, 'A.peer', OR('B.peer', 'C.admin'), OutOf(2, 'D.client', 'E.orderer', 'F.member'))", "OutOf(2, 'A.peer', OR('B.peer', 'C.admin'), OutOf(2, 'D.client', 'E.orderer', 'F.member'))" },
        { "AND(\"A.peer\", \"B.peer\")", "AND('A.peer', 'B.peer')" },
        { "OR(\"A.peer\", 'B.peer')", "OR('A.peer', 'B.peer')" },
        { "  and ( 'A.peer' ,\n\t'B.peer' )  ", "AND('A.peer', 'B.peer')" },
        { "And('A.peer', 'B.peer')", "AND('A.peer', 'B.peer')" },
        { "or('A.peer', 'B.peer')", "OR('A.peer', 'B.peer')" },
        { "Or('A.peer', 'B.peer')", "OR('A.peer', 'B.peer')" },
        { "outof(2, 'A.peer', 'B.peer', 'C.peer')", "OutOf(2, 'A.peer', 'B.peer', 'C.peer')" },
        { "OUTOF(2, 'A.peer', 'B.peer', 'C.peer')", "OutOf(2, 'A.peer', 'B.peer', 'C.peer')" },
        { "OR('MSP.member', 'MSP.WITH.DOTS.member', 'MSP-WITH-DASHES.member')", "OR('MSP.member', 'MSP.WITH.DOTS.member', 'MSP-WITH-DASHES.member')" },
        { "OutOf('1', 'A.member', 'B.member')", "OR('A.member', 'B.member')" },
        { "OutOf(0, 'A.member', 'B.member')", "OutOf(0, 'A.member', 'B.member')" },
        { "OutOf(3, 'A.member', 'B.member')", "OutOf(3, 'A.member', 'B.member')" },
        { "MAJORITY Endorsement", "MAJORITY Endorsement" },
        { "ANY Readers", "ANY Readers" },
        { "ALL Admins", "ALL Admins" },
        { "  MAJORITY \t Endorsement \n", "MAJORITY Endorsement" },
    };

    /// <summary>Invalid policies, the 0-based error position and a fragment of what was expected.</summary>
    public static TheoryData<string, int, string> InvalidPolicies => new()
    {
        { "", 0, "a policy such as" },
        { "   ", 3, "a policy such as" },
        { "AND('A.peer'", 12, "')'" },
        { "AND('A.peer' 'B.peer')", 13, "',' or ')'" },
        { "AND('A.peer',)", 13, "a principal such as 'Org1MSP.peer' or a nested AND, OR or OutOf" },
        { "AND()", 4, "a principal such as" },
        { "AND", 3, "'('" },
        { "NOPE('A.member')", 0, "AND, OR or OutOf" },
        { "aNd('A.peer')", 0, "Fabric accepts AND, And or and" },
        { "oR('A.peer')", 0, "Fabric accepts OR, Or or or" },
        { "Outof(1, 'A.peer')", 0, "Fabric accepts OutOf, outof or OUTOF" },
        { "'A.peer'", 0, "AND, OR or OutOf around the principal" },
        { "OR(A.peer)", 3, "a principal in quotes" },
        { "OR('Amember')", 4, "a principal 'MSPID.role'" },
        { "OR('A.Member')", 6, "a role member, admin, client, peer or orderer (lower case)" },
        { "OR('A.superuser')", 6, "a role member, admin, client, peer or orderer" },
        { "OR('.peer')", 4, "an MSP ID of letters, digits" },
        { "OR('A@B.peer')", 5, "an MSP ID of letters, digits" },
        { "OR('A.peer)", 11, "a closing ' for the principal that starts at position 3" },
        { "OR('A.peer\")", 12, "a closing '" },
        { "OutOf(4, 'A.peer', 'B.peer')", 6, "a count from 0 to 3 for OutOf over 2 policies" },
        { "OutOf(-1, 'A.peer')", 6, "a count such as 2" },
        { "OutOf(x, 'A.peer')", 6, "a count such as 2" },
        { "OutOf(99999999999, 'A.peer')", 6, "a count such as 2" },
        { "OutOf(1)", 7, "','" },
        { "OutOf('1, 'A.peer')", 8, "'''" },
        { "OR('A.peer')  extra", 14, "the end of the policy" },
        { "OR('A.peer'))", 12, "the end of the policy" },
        { "majority Endorsement", 0, "ANY, ALL or MAJORITY in upper case" },
        { "Any Readers", 0, "ANY, ALL or MAJORITY in upper case" },
        { "MAJORITY", 8, "a space and then a sub-policy name" },
        { "MAJORITY 'Endorsement'", 9, "a sub-policy name" },
        { "MAJORITY Endorsement extra", 21, "the end of the policy" },
        { "MAJORITY(Endorsement)", 8, "a space and then a sub-policy name" },
    };

    [Theory]
    [MemberData(nameof(ValidPolicies))]
    public void Parses_valid_policy_and_formats_it_canonically(string text, string canonical)
    {
        // Arrange: the policy text from the table.

        // Act
        var policy = PolicyExpression.Parse(text);

        // Assert
        Assert.Equal(canonical, policy.Format());
        Assert.Equal(canonical, policy.ToString());
    }

    [Theory]
    [MemberData(nameof(ValidPolicies))]
    public void Format_then_parse_gives_back_an_equal_expression(string text, string canonical)
    {
        // Arrange
        var parsed = PolicyExpression.Parse(text);

        // Act
        var reparsed = PolicyExpression.Parse(parsed.Format());

        // Assert: equal ASTs, and formatting is a fixed point.
        Assert.Equal(parsed, reparsed);
        Assert.Equal(canonical, reparsed.Format());
    }

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void Rejects_invalid_policy_with_position_and_expectation(string text, int position, string expected)
    {
        // Arrange: the policy text from the table.

        // Act
        var error = Assert.Throws<PolicySyntaxException>(() => PolicyExpression.Parse(text));

        // Assert
        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Expected, StringComparison.Ordinal);
        Assert.Equal(text, error.Text);
        Assert.Equal($"expected {error.Expected} at position {position} in \"{text}\"", error.Message);
    }

    [Fact]
    public void Error_message_names_what_was_expected_where()
    {
        // Arrange
        const string text = "AND('A.peer'";

        // Act
        var error = Assert.Throws<PolicySyntaxException>(() => PolicyExpression.Parse(text));

        // Assert
        Assert.Equal("expected ')' at position 12 in \"AND('A.peer'\"", error.Message);
    }

    [Fact]
    public void And_is_n_of_all_and_or_is_one_of_all_in_the_ast()
    {
        // Arrange
        const string text = "OR('A.member', AND('B.member', 'C.admin'))";
        var expected = new NOutOf(1,
        [
            new SignedBy("A", MspRole.Member),
            new NOutOf(2, [new SignedBy("B", MspRole.Member), new SignedBy("C", MspRole.Admin)]),
        ]);

        // Act
        var policy = PolicyExpression.Parse(text);

        // Assert
        Assert.Equal(expected, policy);
        Assert.Equal(expected.GetHashCode(), policy.GetHashCode());
    }

    [Fact]
    public void Parses_every_role_to_fabrics_role_numbers()
    {
        // Arrange
        const string text = "OR('A.member', 'B.admin', 'C.client', 'D.peer', 'E.orderer')";

        // Act
        var roles = PolicyExpression.Parse(text).Principals().Select(p => (p.MspId, (int)p.Role)).ToList();

        // Assert: MSPRole.MSPRoleType numbers: MEMBER 0, ADMIN 1, CLIENT 2, PEER 3, ORDERER 4.
        Assert.Equal([("A", 0), ("B", 1), ("C", 2), ("D", 3), ("E", 4)], roles);
    }

    [Fact]
    public void Greedy_msp_id_keeps_dots_before_the_role()
    {
        // Arrange
        const string text = "OR('org1.example.com.peer')";

        // Act
        var principal = Assert.Single(PolicyExpression.Parse(text).Principals());

        // Assert
        Assert.Equal(new SignedBy("org1.example.com", MspRole.Peer), principal);
    }

    [Fact]
    public void Implicit_meta_policy_has_rule_and_sub_policy()
    {
        // Arrange
        const string text = "MAJORITY Endorsement";

        // Act
        var policy = PolicyExpression.Parse(text);

        // Assert
        var meta = Assert.IsType<ImplicitMetaPolicyExpression>(policy);
        Assert.Equal(ImplicitMetaRule.Majority, meta.Rule);
        Assert.Equal(2, (int)meta.Rule);
        Assert.Equal("Endorsement", meta.SubPolicy);
        Assert.Empty(meta.Principals());
    }

    [Fact]
    public void Nesting_is_limited_without_overflowing_the_stack()
    {
        // Arrange
        static string Nest(int depth) =>
            string.Concat(Enumerable.Repeat("AND('A.member', ", depth - 1)) + "AND('A.member')" + new string(')', depth - 1);
        var deepest = Nest(PolicyExpression.MaxDepth);
        var tooDeep = Nest(PolicyExpression.MaxDepth + 1);
        var hostile = string.Concat(Enumerable.Repeat("AND(", 100_000));

        // Act
        var parsed = PolicyExpression.Parse(deepest);
        var tooDeepError = Assert.Throws<PolicySyntaxException>(() => PolicyExpression.Parse(tooDeep));
        var hostileError = Assert.Throws<PolicySyntaxException>(() => PolicyExpression.Parse(hostile));

        // Assert
        Assert.Equal(PolicyExpression.MaxDepth, parsed.Principals().Count());
        Assert.Equal("at most 32 nested gates", tooDeepError.Expected);
        Assert.Equal(32 * "AND(".Length, hostileError.Position);
    }

    [Fact]
    public void Wide_policies_parse()
    {
        // Arrange
        var text = "OutOf(1" + string.Concat(Enumerable.Repeat(", 'A.member'", 2000)) + ")";

        // Act
        var policy = Assert.IsType<NOutOf>(PolicyExpression.Parse(text));

        // Assert
        Assert.Equal(2000, policy.Rules.Count);
    }

    [Fact]
    public void TryParse_reports_the_error_instead_of_throwing()
    {
        // Arrange
        const string bad = "OR('A.peer'";

        // Act
        var badOk = PolicyExpression.TryParse(bad, out var badPolicy, out var error);
        var goodOk = PolicyExpression.TryParse("ANY Writers", out var goodPolicy, out var noError);

        // Assert
        Assert.False(badOk);
        Assert.Null(badPolicy);
        Assert.Equal(11, error!.Position);
        Assert.True(goodOk);
        Assert.Equal(new ImplicitMetaPolicyExpression(ImplicitMetaRule.Any, "Writers"), goodPolicy);
        Assert.Null(noError);
    }

    [Fact]
    public void Builders_make_the_same_trees_as_the_text()
    {
        // Arrange
        var habana = new SignedBy("HabanaMSP", MspRole.Peer);
        var santiago = new SignedBy("SantiagoMSP", MspRole.Peer);

        // Act
        var and = NOutOf.And(habana, santiago);
        var or = NOutOf.Or(habana, santiago);

        // Assert
        Assert.Equal(PolicyExpression.Parse("AND('HabanaMSP.peer', 'SantiagoMSP.peer')"), and);
        Assert.Equal(PolicyExpression.Parse("OR('HabanaMSP.peer', 'SantiagoMSP.peer')"), or);
        Assert.NotEqual<PolicyExpression>(and, or);
    }
}
