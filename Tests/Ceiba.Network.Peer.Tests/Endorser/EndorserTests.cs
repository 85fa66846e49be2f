using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Chaincode;
using Ceiba.Network.Peer.Endorser;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Peer.Transactions;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Ledger.Rwset;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;

namespace Ceiba.Network.Peer.Tests.Endorser;

public sealed class EndorserTests : IAsyncLifetime
{
    private readonly ValidationHarness _harness = new();
    private ChaincodeHost _chaincode = null!;
    private ChaincodeLauncher _launcher = null!;

    public async ValueTask InitializeAsync()
    {
        _chaincode = await ChaincodeHost.StartAsync(TestContext.Current.CancellationToken);
        _launcher = new ChaincodeLauncher([new ChaincodeEndpoint(TestTransactions.Chaincode, "1.0", _chaincode.Address)], TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task An_endorsement_carries_the_simulated_rwset_the_response_and_the_event_and_is_signed_by_the_peer()
    {
        // Arrange
        var peer = _harness.Issue("HabanaMSP", NodeOURole.Peer);
        var (signed, proposal, _) = Propose(_harness.Client, "put", "patient1", "alice");

        // Act
        var response = await Endorser(peer).ProcessAsync(signed, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(200, response.Response.Status);
        Assert.Equal("alice", response.Response.Payload.ToStringUtf8());
        var identity = _harness.Policies.Msps.Validate(response.Endorsement.Endorser.Span).Identity!;
        Assert.Equal(SignatureStatus.Valid, identity.VerifyMessage(ProposalHash.EndorsementSignedBytes(response.Payload.Span, response.Endorsement.Endorser.Span), response.Endorsement.Signature.Span));
        var prp = ProposalResponsePayload.Parser.ParseFrom(response.Payload);
        var header = Protos.Common.Header.Parser.ParseFrom(proposal.Header);
        Assert.Equal(ProposalHash.Compute(header.ChannelHeader.Span, header.SignatureHeader.Span, proposal.Payload.Span), prp.ProposalHash.ToByteArray());
        var action = ChaincodeAction.Parser.ParseFrom(prp.Extension);
        Assert.Equal(("ehr", "1.0"), (action.ChaincodeId.Name, action.ChaincodeId.Version));
        var rwSet = KVRWSet.Parser.ParseFrom(TxReadWriteSet.Parser.ParseFrom(action.Results).NsRwset.Single(ns => ns.Namespace == "ehr").Rwset);
        Assert.Equal(("patient1", "alice"), (rwSet.Writes.Single().Key, rwSet.Writes.Single().Value.ToStringUtf8()));
        Assert.Equal("put", ChaincodeEvent.Parser.ParseFrom(action.Events).EventName);
    }

    [Fact]
    public async Task Endorsements_of_two_orgs_make_a_transaction_that_commits_valid_and_later_reads_see_its_version()
    {
        // Arrange
        var (signed, proposal, txId) = Propose(_harness.Client, "put", "patient1", "alice");
        var responses = new List<ProposalResponse>();
        foreach (var org in new[] { "HabanaMSP", "SantiagoMSP" })
        {
            responses.Add(await Endorser(_harness.Issue(org, NodeOURole.Peer)).ProcessAsync(signed, TestContext.Current.CancellationToken));
        }

        var envelope = TransactionAssembler.Assemble(proposal, responses[0].Payload, responses.Select(r => r.Endorsement));
        envelope.Signature = ByteString.CopyFrom(_harness.Client.SignMessage(envelope.Payload.Span));

        // Act
        var committed = _harness.Commit(envelope);
        var (read, _, _) = Propose(_harness.Client, "move", "patient1", "patient2");
        var moved = await Endorser(_harness.Issue("HabanaMSP", NodeOURole.Peer)).ProcessAsync(read, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(responses[0].Payload, responses[1].Payload);
        Assert.Equal([TxValidationCode.Valid], committed.Validation.Codes);
        Assert.Equal(txId, committed.Validation.TxIds[0]);
        var rwSet = KVRWSet.Parser.ParseFrom(TxReadWriteSet.Parser.ParseFrom(ChaincodeAction.Parser.ParseFrom(ProposalResponsePayload.Parser.ParseFrom(moved.Payload).Extension).Results).NsRwset[0].Rwset);
        Assert.Equal(("patient1", 1UL, 0UL), (rwSet.Reads.Single().Key, rwSet.Reads.Single().Version.BlockNum, rwSet.Reads.Single().Version.TxNum));
        Assert.Equal(["patient1", "patient2"], rwSet.Writes.Select(w => w.Key));
        Assert.True(rwSet.Writes[0].IsDelete);
    }

    [Theory]
    [InlineData(404, false)]
    [InlineData(500, true)]
    public async Task A_chaincode_error_is_not_endorsed(int status, bool keepsPayload)
    {
        // Arrange
        var (signed, _, _) = Propose(_harness.Client, "fail", status.ToString(System.Globalization.CultureInfo.InvariantCulture), "no such patient");

        // Act
        var response = await Endorser(_harness.Issue("HabanaMSP", NodeOURole.Peer)).ProcessAsync(signed, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((status, "no such patient"), (response.Response.Status, response.Response.Message));
        Assert.Null(response.Endorsement);
        Assert.Equal(keepsPayload, !response.Payload.IsEmpty);
    }

    [Fact]
    public async Task Bad_proposals_are_refused_with_status_500_and_a_reason()
    {
        // Arrange
        var endorser = Endorser(_harness.Issue("HabanaMSP", NodeOURole.Peer));
        using var strangers = new TestOrgs("StrangerMSP");
        using var stranger = strangers.Issue("StrangerMSP", NodeOURole.Client);
        var (badSignature, _, _) = Propose(_harness.Client, "get", "k");
        badSignature.Signature = ByteString.CopyFrom(_harness.Client.SignMessage("other"u8));
        var cases = new (SignedProposal Proposal, string Reason)[]
        {
            (new SignedProposal { ProposalBytes = ByteString.CopyFrom(1, 2, 3) }, "does not parse"),
            (badSignature, "signature does not verify"),
            (Propose(stranger, "get", "k").Signed, "creator is not valid"),
            (Propose(_harness.Issue("SantiagoMSP", NodeOURole.Peer), "get", "k").Signed, "peer/Propose"),
            (ProposeTo(_harness.Client, "other", TestTransactions.Chaincode).Signed, "channel 'other' not found"),
            (ProposeTo(_harness.Client, ValidationHarness.Channel, "missing").Signed, "chaincode missing not found"),
        };

        // Act
        var responses = new List<ProposalResponse>();
        foreach (var (proposal, _) in cases)
        {
            responses.Add(await endorser.ProcessAsync(proposal, TestContext.Current.CancellationToken));
        }

        // Assert
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(500, responses[i].Response.Status);
            Assert.Contains(cases[i].Reason, responses[i].Response.Message, StringComparison.Ordinal);
            Assert.Null(responses[i].Endorsement);
        }
    }

    [Fact]
    public async Task A_committed_tx_id_is_refused_as_a_duplicate()
    {
        // Arrange
        var (envelope, txId) = _harness.Transaction(TestTransactions.RwSet(writes: [("k", "1")]), nonce: "0123456789abcdef01234567"u8.ToArray());
        _harness.Commit(envelope);
        var proposal = TestTransactions.Proposal(_harness.Client, ValidationHarness.Channel, "ehr", "0123456789abcdef01234567"u8.ToArray(), out _, "get", "k");
        var signed = new SignedProposal { ProposalBytes = proposal.ToByteString(), Signature = ByteString.CopyFrom(_harness.Client.SignMessage(proposal.ToByteArray())) };

        // Act
        var response = await Endorser(_harness.Issue("HabanaMSP", NodeOURole.Peer)).ProcessAsync(signed, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(500, response.Response.Status);
        Assert.Contains($"duplicate transaction found [{txId}]", response.Response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chaincode_that_does_not_answer_in_time_gives_a_timeout_error_and_the_next_call_works()
    {
        // Arrange
        var endorser = Endorser(_harness.Issue("HabanaMSP", NodeOURole.Peer));

        // Act
        var slow = await endorser.ProcessAsync(Propose(_harness.Client, "slow").Signed, TestContext.Current.CancellationToken);
        var next = await endorser.ProcessAsync(Propose(_harness.Client, "get", "k").Signed, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(500, slow.Response.Status);
        Assert.Contains("did not complete", slow.Response.Message, StringComparison.Ordinal);
        Assert.Equal(200, next.Response.Status);
    }

    [Fact]
    public async Task The_launcher_dials_again_after_the_chaincode_restarts()
    {
        // Arrange
        var endorser = Endorser(_harness.Issue("HabanaMSP", NodeOURole.Peer));
        var port = _chaincode.Server.Port;
        Assert.Equal(200, (await endorser.ProcessAsync(Propose(_harness.Client, "get", "k").Signed, TestContext.Current.CancellationToken)).Response.Status);
        await _chaincode.DisposeAsync();
        var down = await endorser.ProcessAsync(Propose(_harness.Client, "get", "k").Signed, TestContext.Current.CancellationToken);
        _chaincode = await ChaincodeHost.StartAsync(TestContext.Current.CancellationToken, port);

        // Act
        var after = await endorser.ProcessAsync(Propose(_harness.Client, "get", "k").Signed, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(500, down.Response.Status);
        Assert.Equal(200, after.Response.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await _launcher.DisposeAsync();
        await _chaincode.DisposeAsync();
        _harness.Dispose();
    }

    private ProposalEndorser Endorser(SigningIdentity peer) =>
        new(name => name == ValidationHarness.Channel ? _harness.PeerChannel : null, _launcher, peer);

    private static (SignedProposal Signed, Proposal Proposal, string TxId) Propose(SigningIdentity client, params string[] args) =>
        Propose(client, args, ValidationHarness.Channel, TestTransactions.Chaincode);

    private static (SignedProposal Signed, Proposal Proposal, string TxId) ProposeTo(SigningIdentity client, string channel, string chaincode) =>
        Propose(client, ["get", "k"], channel, chaincode);

    private static (SignedProposal Signed, Proposal Proposal, string TxId) Propose(SigningIdentity client, string[] args, string channel, string chaincode)
    {
        var proposal = TestTransactions.Proposal(client, channel, chaincode, TransactionIds.NewNonce(), out var txId, args);
        var bytes = proposal.ToByteString();
        return (new SignedProposal { ProposalBytes = bytes, Signature = ByteString.CopyFrom(client.SignMessage(bytes.Span)) }, proposal, txId);
    }
}
