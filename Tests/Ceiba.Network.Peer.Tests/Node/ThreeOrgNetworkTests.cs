using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;

namespace Ceiba.Network.Peer.Tests.Node;

public sealed class ThreeOrgNetworkTests(ThreeOrgNetworkFixture fixture) : IClassFixture<ThreeOrgNetworkFixture>
{
    [Fact]
    public async Task The_gateway_collects_a_majority_of_orgs_and_every_peer_commits_identical_blocks_and_state()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel(0);
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);

        // Act
        var (txId, envelope) = await gateway.EndorseAsync(cancellationToken, null, "put", "national-1", "a");
        await gateway.Client.SubmitAsync(new SubmitRequest { TransactionId = txId, ChannelId = fixture.Network.Channel, PreparedTransaction = envelope }, cancellationToken: cancellationToken);
        var status = await gateway.CommitStatusAsync(txId, client, cancellationToken);
        var updates = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => gateway.SubmitAndWaitAsync(cancellationToken, "put", $"national-{i % 3}", $"v{i}")));
        var height = fixture.Peers.Max(p => p.GetChannel(fixture.Network.Channel).Ledger.Height);
        foreach (var peer in fixture.Peers)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            await peer.GetChannel(fixture.Network.Channel).Ledger.WaitForBlockAsync(height - 1, timeout.Token);
        }

        // Assert
        Assert.Equal(TxValidationCode.Valid, status.Result);
        var endorsers = EndorserMspIds(envelope);
        Assert.Equal(2, endorsers.Count);
        Assert.Contains(updates, u => u.Result == TxValidationCode.Valid);
        Assert.All(updates, u => Assert.Contains(u.Result, new[] { TxValidationCode.Valid, TxValidationCode.MvccReadConflict }));
        var ledgers = fixture.Peers.Select(p => p.GetChannel(fixture.Network.Channel).Ledger).ToList();
        for (ulong number = 0; number < height; number++)
        {
            var hashes = ledgers.Select(l => Convert.ToHexString(BlockHashing.HeaderHash(l.Blocks.GetBlock(number).Header))).Distinct().ToList();
            var checkpoints = ledgers.Select(l => Convert.ToHexString(l.GetCheckpointHash(number)!)).Distinct().ToList();
            Assert.Single(hashes);
            Assert.Single(checkpoints);
        }

        Assert.Single(ledgers.Select(l => l.GetState("ehr", "national-1")?.Value is { } value ? Convert.ToHexString(value) : "absent").Distinct());
        Assert.NotNull(ledgers[2].GetState("ehr", "national-1"));
    }

    [Fact]
    public async Task Endorsing_organizations_chosen_by_the_client_are_the_ones_that_endorse()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel(0);
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var orgs = fixture.Network.Topology.Orgs.Select(o => o.MspId).ToList();

        // Act
        var (_, envelope) = await gateway.EndorseAsync(cancellationToken, orgs.Skip(1), "put", "chosen", "c");

        // Assert
        var mspIds = EndorserMspIds(envelope).Order().ToList();
        Assert.Equal(orgs.Skip(1).Order().ToList(), mspIds);
    }

    [Fact]
    public async Task Successive_proposals_take_their_second_endorsement_from_each_other_org_in_turn()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel(0);
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var orgs = fixture.Network.Topology.Orgs.Select(o => o.MspId).ToList();

        // Act
        var localEndorsers = new List<string>();
        var remoteEndorsers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var (_, envelope) = await gateway.EndorseAsync(cancellationToken, null, "put", $"turn-{i}", "t");
            var mspIds = EndorserMspIds(envelope);
            Assert.Equal(2, mspIds.Count);
            localEndorsers.Add(mspIds[0]);
            remoteEndorsers.Add(mspIds[1]);
        }

        // Assert: the gateway's own org endorses first; MAJORITY of three needs one other org, and both share the load
        var local = Assert.Single(localEndorsers.Distinct());
        var others = orgs.Where(org => org != local).ToList();
        Assert.Equal(2, others.Count);
        Assert.Equal(2, remoteEndorsers.Count(org => org == others[0]));
        Assert.Equal(2, remoteEndorsers.Count(org => org == others[1]));
    }

    /// <summary>The MSP IDs of a prepared transaction's endorsers, in the order of its endorsements.</summary>
    private static List<string> EndorserMspIds(Envelope envelope) =>
        ChaincodeActionPayload.Parser.ParseFrom(Transaction.Parser.ParseFrom(Payload.Parser.ParseFrom(envelope.Payload).Data).Actions[0].Payload).Action.Endorsements
            .Select(e => Protos.Msp.SerializedIdentity.Parser.ParseFrom(e.Endorser).Mspid)
            .ToList();
}
