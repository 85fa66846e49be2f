using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Peer.Validation;
using Ceiba.Network.Policies;

namespace Ceiba.Network.Peer.Tests.Validation;

public sealed class EndorsementPolicyTests : IDisposable
{
    private readonly ValidationHarness _harness = new();

    /// <summary>Endorsers are "MspId.role" (a new identity each) or "same" (the previous identity again).</summary>
    [Theory]
    [InlineData("MAJORITY Endorsement", new[] { "HabanaMSP.peer" }, false)]
    [InlineData("MAJORITY Endorsement", new[] { "HabanaMSP.peer", "SantiagoMSP.peer" }, true)]
    [InlineData("MAJORITY Endorsement", new[] { "HabanaMSP.peer", "same" }, false)]
    [InlineData("MAJORITY Endorsement", new[] { "HabanaMSP.peer", "HabanaMSP.peer" }, false)]
    [InlineData("MAJORITY Endorsement", new[] { "HabanaMSP.peer", "SantiagoMSP.client" }, false)]
    [InlineData("ANY Endorsement", new[] { "GuantanamoMSP.peer" }, true)]
    [InlineData("ANY Endorsement", new[] { "GuantanamoMSP.admin" }, false)]
    [InlineData("ALL Endorsement", new[] { "HabanaMSP.peer", "SantiagoMSP.peer" }, false)]
    [InlineData("ALL Endorsement", new[] { "HabanaMSP.peer", "SantiagoMSP.peer", "GuantanamoMSP.peer" }, true)]
    [InlineData("AND('HabanaMSP.peer', 'SantiagoMSP.peer')", new[] { "HabanaMSP.peer", "SantiagoMSP.peer" }, true)]
    [InlineData("AND('HabanaMSP.peer', 'SantiagoMSP.peer')", new[] { "HabanaMSP.peer", "SantiagoMSP.client" }, false)]
    [InlineData("AND('HabanaMSP.peer', 'HabanaMSP.peer')", new[] { "HabanaMSP.peer", "same" }, false)]
    [InlineData("AND('HabanaMSP.peer', 'HabanaMSP.peer')", new[] { "HabanaMSP.peer", "HabanaMSP.peer" }, true)]
    [InlineData("OR('HabanaMSP.peer', 'SantiagoMSP.peer')", new[] { "SantiagoMSP.peer" }, true)]
    [InlineData("OR('HabanaMSP.member')", new[] { "HabanaMSP.client" }, true)]
    [InlineData("OutOf(2, 'HabanaMSP.peer', 'SantiagoMSP.peer', 'GuantanamoMSP.peer')", new[] { "SantiagoMSP.peer", "GuantanamoMSP.peer" }, true)]
    [InlineData("OutOf(2, 'HabanaMSP.peer', 'SantiagoMSP.peer', 'GuantanamoMSP.peer')", new[] { "GuantanamoMSP.peer" }, false)]
    [InlineData("OR('CamagueyMSP.peer')", new[] { "HabanaMSP.peer" }, false)]
    public void Policy_over_endorsers(string policy, string[] endorsers, bool expected)
    {
        // Arrange
        var policies = EndorsementPolicies.Compile(_harness.Policies, [new("ehr", policy)]);
        var identities = new List<MspIdentity>();
        foreach (var endorser in endorsers)
        {
            identities.Add(endorser == "same" ? identities[^1] : Identity(MspPrincipal.Parse(endorser)));
        }

        // Act
        var result = policies.Evaluate("ehr", identities);

        // Assert
        Assert.Equal(expected, result.IsSatisfied);
        Assert.Equal(expected, result.Reason.Length == 0);
    }

    [Fact]
    public void An_undefined_chaincode_and_a_malformed_policy_give_clear_errors()
    {
        // Arrange
        var policies = EndorsementPolicies.Compile(_harness.Policies, [new("ehr", "ANY Endorsement")]);

        // Act
        var undefined = policies.Evaluate("other", []);
        var malformed = Assert.Throws<InvalidPolicyException>(() => EndorsementPolicies.Compile(_harness.Policies, [new("ehr", "AND('HabanaMSP.peer'")]));

        // Assert
        Assert.Contains("chaincode other is not defined", undefined.Reason, StringComparison.Ordinal);
        Assert.Contains("chaincode ehr: endorsement policy", malformed.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

    private MspIdentity Identity(MspPrincipal principal)
    {
        var role = principal.Role switch
        {
            MspRole.Peer => NodeOURole.Peer,
            MspRole.Admin => NodeOURole.Admin,
            _ => NodeOURole.Client,
        };
        var signer = _harness.Issue(principal.MspId, role);
        return _harness.Policies.Msps.Validate(signer.Serialized.Span).Identity!;
    }
}
