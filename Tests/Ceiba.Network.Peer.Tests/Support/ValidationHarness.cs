using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Committer;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Peer.Validation;
using Ceiba.Network.Policies;
using Ceiba.Network.Protos.Common;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary>
/// Three application orgs and an orderer org, a channel over them, a ledger on a temp directory that
/// joined with an empty genesis block, and a committer whose chaincode <c>ehr</c> has <paramref name="policy"/>.
/// </summary>
public sealed class ValidationHarness : IDisposable
{
    public const string Channel = "ehr";
    public static readonly string[] Orgs = ["HabanaMSP", "SantiagoMSP", "GuantanamoMSP"];

    private readonly List<SigningIdentity> _identities = [];
    private readonly TempDirectory _directory = new();

    public ValidationHarness(string policy = "MAJORITY Endorsement")
    {
        OrgCas = new TestOrgs([.. Orgs, "OrdererMSP"]);
        Policies = ChannelPolicies.FromConfig(OrgCas.ChannelGroup(Orgs, ["OrdererMSP"]));
        Chain = new TestChain(Issue("OrdererMSP", NodeOURole.Orderer));
        Client = Issue("HabanaMSP", NodeOURole.Client);
        Ledger = PeerLedger.Open(_directory.Path);
        var endorsement = EndorsementPolicies.Compile(Policies, [new(TestTransactions.Chaincode, policy)]);
        PeerChannel = PeerChannel.Create(Channel, Policies, endorsement, Ledger);
        Committer.Join(Chain.Next());
    }

    public TestOrgs OrgCas { get; }

    public ChannelPolicies Policies { get; }

    public TestChain Chain { get; }

    public SigningIdentity Client { get; }

    public PeerLedger Ledger { get; }

    public PeerChannel PeerChannel { get; }

    public BlockCommitter Committer => PeerChannel.Committer;

    public SigningIdentity Issue(string mspId, NodeOURole role)
    {
        var identity = OrgCas.Issue(mspId, role);
        _identities.Add(identity);
        return identity;
    }

    /// <summary>Peers of the first two orgs: enough for MAJORITY of three.</summary>
    public SigningIdentity[] MajorityEndorsers() => [Issue("HabanaMSP", NodeOURole.Peer), Issue("SantiagoMSP", NodeOURole.Peer)];

    public (Envelope Envelope, string TxId) Transaction(Protos.Ledger.KvRwset.KVRWSet rwSet, IEnumerable<SigningIdentity>? endorsers = null, byte[]? nonce = null) =>
        TestTransactions.Endorsed(Client, Channel, rwSet, endorsers ?? MajorityEndorsers(), nonce);

    public CommittedBlock Commit(params Envelope[] envelopes) => Committer.Commit(Chain.Next(envelopes));

    public void Dispose()
    {
        Ledger.Dispose();
        foreach (var identity in _identities)
        {
            identity.Dispose();
        }

        OrgCas.Dispose();
        _directory.Dispose();
    }
}
