using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Peer.Transactions;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using DeliverResponse = Ceiba.Network.Protos.Peer.DeliverResponse;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Peer.Tests.Node;

public sealed class PeerNodeTests(SeedNetworkFixture fixture) : IClassFixture<SeedNetworkFixture>
{
    [Fact]
    public async Task A_transaction_endorsed_by_the_peer_and_ordered_is_pulled_validated_and_committed_and_delivered()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var peerChannel = fixture.PeerChannel();
        using var ordererChannel = fixture.OrdererChannel();
        var proposal = TestTransactions.Proposal(client, fixture.Network.Channel, "ehr", TransactionIds.NewNonce(), out var txId, "put", "patient-node", "alice");
        var signed = new SignedProposal { ProposalBytes = proposal.ToByteString(), Signature = ByteString.CopyFrom(client.SignMessage(proposal.ToByteArray())) };

        // Act
        var response = await new Protos.Peer.Endorser.EndorserClient(peerChannel).ProcessProposalAsync(signed, cancellationToken: cancellationToken);
        var envelope = TransactionAssembler.Assemble(proposal, response.Payload, [response.Endorsement]);
        envelope.Signature = ByteString.CopyFrom(client.SignMessage(envelope.Payload.Span));
        using (var broadcast = new AtomicBroadcast.AtomicBroadcastClient(ordererChannel).Broadcast(cancellationToken: cancellationToken))
        {
            await broadcast.RequestStream.WriteAsync(envelope, cancellationToken);
            Assert.True(await broadcast.ResponseStream.MoveNext(cancellationToken));
            Assert.Equal(Status.Success, broadcast.ResponseStream.Current.Status);
            await broadcast.RequestStream.CompleteAsync();
        }

        var filtered = await FindFilteredAsync(peerChannel, client, txId, cancellationToken);

        // Assert
        Assert.Equal(200, response.Response.Status);
        Assert.Equal(TxValidationCode.Valid, filtered.TxValidationCode);
        Assert.Equal("put", filtered.TransactionActions.ChaincodeActions[0].ChaincodeEvent.EventName);
        Assert.True(filtered.TransactionActions.ChaincodeActions[0].ChaincodeEvent.Payload.IsEmpty);
        Assert.Equal("alice"u8.ToArray(), fixture.Peer.GetChannel(fixture.Network.Channel).Ledger.GetState("ehr", "patient-node")?.Value);
    }

    [Fact]
    public async Task Deliver_refuses_an_identity_outside_the_channel_and_an_unknown_channel()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var strangers = new TestOrgs("StrangerMSP");
        using var stranger = strangers.Issue("StrangerMSP", NodeOURole.Client);
        using var client = fixture.Network.Client();
        using var peerChannel = fixture.PeerChannel();

        // Act
        var forbidden = await DeliverCalls.StatusAsync(peerChannel, DeliverCalls.Seek(stranger, fixture.Network.Channel, 0, 0), cancellationToken);
        var notFound = await DeliverCalls.StatusAsync(peerChannel, DeliverCalls.Seek(client, "nochannel", 0, 0), cancellationToken);
        var genesis = await DeliverCalls.StatusAsync(peerChannel, DeliverCalls.Seek(client, fixture.Network.Channel, 0, 0), cancellationToken);

        // Assert
        Assert.Equal(Status.Forbidden, forbidden);
        Assert.Equal(Status.NotFound, notFound);
        Assert.Equal(Status.Success, genesis);
    }

    [Fact]
    public async Task The_health_endpoint_reports_ready_once_joined_connected_to_the_orderer_and_the_chaincode()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = fixture.Network.Config(fixture.PeerName).Listen.OperationsPort!.Value;
        using var http = new HttpClient();
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        HttpResponseMessage response;

        // Act
        do
        {
            response = await http.GetAsync($"http://127.0.0.1:{port}/health", cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                break;
            }

            await Task.Delay(200, cancellationToken);
        }
        while (deadline.Elapsed < TimeSpan.FromSeconds(20));

        // Assert
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static async Task<FilteredTransaction> FindFilteredAsync(Grpc.Net.Client.GrpcChannel channel, SigningIdentity client, string txId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var call = new Protos.Peer.Deliver.DeliverClient(channel).DeliverFiltered(cancellationToken: timeout.Token);
        await call.RequestStream.WriteAsync(DeliverCalls.Seek(client, "ehr", 1, ulong.MaxValue), timeout.Token);
        await foreach (var response in call.ResponseStream.ReadAllAsync(timeout.Token))
        {
            if (response.FilteredBlock?.FilteredTransactions.FirstOrDefault(t => t.Txid == txId) is { } found)
            {
                return found;
            }
        }

        throw new InvalidOperationException("the deliver stream ended before the transaction was committed");
    }
}
