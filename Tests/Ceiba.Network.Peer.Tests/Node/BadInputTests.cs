using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Grpc.Core;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>Malformed bytes and wrong channels get a clear gRPC error or status from every method, and the peer keeps serving.</summary>
public sealed class BadInputTests(SeedNetworkFixture fixture) : IClassFixture<SeedNetworkFixture>
{
    private static readonly ByteString Garbage = ByteString.CopyFrom(0xFF, 0x01, 0xFF, 0x07);

    [Fact]
    public async Task Every_method_answers_malformed_input_with_a_clear_error_and_the_peer_keeps_serving()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel();
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var garbageProposal = new SignedProposal { ProposalBytes = Garbage, Signature = Garbage };

        // Act
        var endorsed = await new Protos.Peer.Endorser.EndorserClient(channel).ProcessProposalAsync(garbageProposal, cancellationToken: ct);
        var evaluate = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Client.EvaluateAsync(new EvaluateRequest { ChannelId = "ehr", ProposedTransaction = garbageProposal }, cancellationToken: ct));
        var endorse = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Client.EndorseAsync(new EndorseRequest { ChannelId = "ehr", ProposedTransaction = garbageProposal }, cancellationToken: ct));
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Client.EndorseAsync(new EndorseRequest { ChannelId = "ehr" }, cancellationToken: ct));
        var wrongChannel = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Client.EndorseAsync(new EndorseRequest { ChannelId = "nochannel", ProposedTransaction = gateway.Propose("get", "k").Signed }, cancellationToken: ct));
        var status = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Client.CommitStatusAsync(new SignedCommitStatusRequest { Request = Garbage, Signature = Garbage }, cancellationToken: ct));
        var events = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = gateway.Client.ChaincodeEvents(new SignedChaincodeEventsRequest { Request = Garbage, Signature = Garbage }, cancellationToken: ct);
            await call.ResponseStream.MoveNext(ct);
        });
        var deliver = await DeliverStatusAsync(channel, new Envelope { Payload = Garbage, Signature = Garbage }, ct);
        var stillServing = await gateway.EvaluateAsync(ct, "get", "nothing");

        // Assert
        Assert.Equal(500, endorsed.Response.Status);
        Assert.Contains("does not parse", endorsed.Response.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unknown, evaluate.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, endorse.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Equal(StatusCode.NotFound, wrongChannel.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, events.StatusCode);
        Assert.Equal(Status.BadRequest, deliver);
        Assert.Equal(200, stillServing.Status);
    }

    private static async Task<Status> DeliverStatusAsync(Grpc.Net.Client.GrpcChannel channel, Envelope seek, CancellationToken cancellationToken)
    {
        using var call = new Protos.Peer.Deliver.DeliverClient(channel).Deliver(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(seek, cancellationToken);
        await call.ResponseStream.MoveNext(cancellationToken);
        return call.ResponseStream.Current.Status;
    }
}
