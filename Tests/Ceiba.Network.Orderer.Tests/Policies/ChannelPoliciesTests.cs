using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Topology.Generation.ChannelConfig;
using static Ceiba.Network.Protos.Common.MSPRole.Types;

namespace Ceiba.Network.Orderer.Tests.Policies;

public sealed class ChannelPoliciesTests : IDisposable
{
    private static readonly byte[] Message = "payload"u8.ToArray();
    private readonly TestOrgs _orgs = new("HabanaMSP", "SantiagoMSP", "OrdererMSP");

    [Theory]
    [InlineData("HabanaMSP", NodeOURole.Client, PolicyPaths.ChannelWriters, true)]
    [InlineData("HabanaMSP", NodeOURole.Admin, PolicyPaths.ChannelWriters, true)]
    [InlineData("HabanaMSP", NodeOURole.Peer, PolicyPaths.ChannelWriters, false)]
    [InlineData("HabanaMSP", NodeOURole.Peer, PolicyPaths.ChannelReaders, true)]
    [InlineData("OrdererMSP", NodeOURole.Orderer, PolicyPaths.ChannelWriters, true)]
    [InlineData("OrdererMSP", NodeOURole.Orderer, PolicyPaths.BlockValidation, true)]
    [InlineData("HabanaMSP", NodeOURole.Client, PolicyPaths.BlockValidation, false)]
    public void Implicit_meta_ANY_over_org_signature_policies(string mspId, NodeOURole role, string path, bool expected)
    {
        // Arrange
        var policies = ChannelPolicies.FromConfig(_orgs.ChannelGroup(["HabanaMSP", "SantiagoMSP"], ["OrdererMSP"]));
        using var signer = _orgs.Issue(mspId, role);

        // Act
        var result = policies.Evaluate(path, [Sign(signer)]);

        // Assert
        Assert.Equal(expected, result.IsSatisfied);
    }

    [Fact]
    public void A_wrong_signature_does_not_count_and_the_reason_says_so()
    {
        // Arrange
        var policies = ChannelPolicies.FromConfig(_orgs.ChannelGroup(["HabanaMSP"], ["OrdererMSP"]));
        using var signer = _orgs.Issue("HabanaMSP", NodeOURole.Client);
        var signed = Sign(signer) with { Data = "other"u8.ToArray() };

        // Act
        var result = policies.Evaluate(PolicyPaths.ChannelWriters, [signed]);

        // Assert
        Assert.False(result.IsSatisfied);
        Assert.Contains("signature does not verify", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_identity_of_an_unknown_msp_is_not_a_member()
    {
        // Arrange
        using var strangers = new TestOrgs("StrangerMSP");
        var policies = ChannelPolicies.FromConfig(_orgs.ChannelGroup(["HabanaMSP"], ["OrdererMSP"]));
        using var signer = strangers.Issue("StrangerMSP", NodeOURole.Client);

        // Act
        var result = policies.Evaluate(PolicyPaths.ChannelWriters, [Sign(signer)]);

        // Assert
        Assert.False(result.IsSatisfied);
        Assert.Contains("unknown MSP \"StrangerMSP\"", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "HabanaMSP" }, false)]
    [InlineData(new[] { "HabanaMSP", "SantiagoMSP" }, true)]
    [InlineData(new[] { "HabanaMSP", "HabanaMSP" }, false)]
    public void Majority_needs_more_than_half_of_the_orgs_and_counts_each_org_once(string[] signerOrgs, bool expected)
    {
        // Arrange: MAJORITY Endorsement over three orgs, each OR('Org.peer').
        var channel = _orgs.ChannelGroup(["HabanaMSP", "SantiagoMSP", "OrdererMSP"], []);
        var application = channel.Groups["Application"];
        foreach (var (mspId, org) in application.Groups)
        {
            org.Policies["Endorsement"] = new ConfigPolicy { Policy = PolicyEncoding.Signature(PolicyEncoding.AnyOf(mspId, MSPRoleType.Peer)) };
        }

        application.Policies["Endorsement"] = new ConfigPolicy { Policy = PolicyEncoding.ImplicitMeta(ImplicitMetaPolicy.Types.Rule.Majority, "Endorsement") };
        var policies = ChannelPolicies.FromConfig(channel);
        var signers = signerOrgs.Select(org => _orgs.Issue(org, NodeOURole.Peer)).ToList();

        // Act
        var result = policies.Evaluate(PolicyPaths.ApplicationEndorsement, [.. signers.Select(Sign)]);

        // Assert
        Assert.Equal(expected, result.IsSatisfied);
        signers.ForEach(s => s.Dispose());
    }

    [Fact]
    public void Two_of_two_signed_by_needs_two_distinct_identities()
    {
        // Arrange: OutOf(2, 'HabanaMSP.member', 'HabanaMSP.member') on an org-level policy.
        var channel = _orgs.ChannelGroup(["HabanaMSP"], []);
        var envelope = new SignaturePolicyEnvelope { Rule = new SignaturePolicy { NOutOf = new SignaturePolicy.Types.NOutOf { N = 2 } } };
        envelope.Identities.Add(PolicyEncoding.RolePrincipal("HabanaMSP", MSPRoleType.Member));
        envelope.Rule.NOutOf.Rules.Add(new SignaturePolicy { SignedBy = 0 });
        envelope.Rule.NOutOf.Rules.Add(new SignaturePolicy { SignedBy = 0 });
        channel.Groups["Application"].Groups["HabanaMSP"].Policies["Two"] = new ConfigPolicy { Policy = PolicyEncoding.Signature(envelope) };
        var policies = ChannelPolicies.FromConfig(channel);
        using var first = _orgs.Issue("HabanaMSP", NodeOURole.Client);
        using var second = _orgs.Issue("HabanaMSP", NodeOURole.Peer);

        // Act
        var once = policies.Evaluate("/Channel/Application/HabanaMSP/Two", [Sign(first), Sign(first)]);
        var twice = policies.Evaluate("/Channel/Application/HabanaMSP/Two", [Sign(first), Sign(second)]);

        // Assert
        Assert.False(once.IsSatisfied);
        Assert.True(twice.IsSatisfied);
    }

    [Fact]
    public void A_missing_policy_path_fails_with_its_name()
    {
        // Arrange
        var policies = ChannelPolicies.FromConfig(_orgs.ChannelGroup(["HabanaMSP"], ["OrdererMSP"]));

        // Act
        var result = policies.Evaluate("/Channel/Nope", Array.Empty<SignedData>());

        // Assert
        Assert.False(result.IsSatisfied);
        Assert.Contains("/Channel/Nope", result.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => _orgs.Dispose();

    private static SignedData Sign(SigningIdentity signer) => new(Message, signer.Serialized, signer.SignMessage(Message));
}
