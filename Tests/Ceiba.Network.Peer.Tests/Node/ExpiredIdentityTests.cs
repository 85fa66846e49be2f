using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Peer.Tests.Node;

/// <summary>
/// A client whose certificate (issued by the org's real CA) expired yesterday: every method refuses it with an error
/// that says the certificate expired, and the peer keeps serving valid clients.
/// </summary>
public sealed class ExpiredIdentityTests(SeedNetworkFixture fixture) : IClassFixture<SeedNetworkFixture>
{
    [Fact]
    public async Task Endorse_and_evaluate_refuse_an_expired_client_and_say_its_certificate_expired()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var expired = fixture.Network.ExpiredClient();
        using var channel = fixture.PeerChannel();
        var gateway = new GatewayCalls(channel, expired, fixture.Network.Channel);

        // Act
        var processed = await new Protos.Peer.Endorser.EndorserClient(channel).ProcessProposalAsync(gateway.Propose("put", "expired-1", "x").Signed, cancellationToken: ct);
        var endorse = await Assert.ThrowsAsync<RpcException>(() => gateway.EndorseAsync(ct, null, "put", "expired-2", "x"));
        var evaluate = await Assert.ThrowsAsync<RpcException>(() => gateway.EvaluateAsync(ct, "get", "expired-1"));

        // Assert
        Assert.Equal(500, processed.Response.Status);
        Assert.Null(processed.Endorsement);
        Assert.Contains("expired on", processed.Response.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Aborted, endorse.StatusCode);
        Assert.Contains("expired on", endorse.GetRpcStatus()!.GetDetail<ErrorDetail>()!.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unknown, evaluate.StatusCode);
        Assert.Contains("expired on", evaluate.GetRpcStatus()!.GetDetail<ErrorDetail>()!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_commit_status_and_chaincode_events_refuse_an_expired_client_and_the_peer_keeps_serving()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var expired = fixture.Network.ExpiredClient();
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel();
        var expiredGateway = new GatewayCalls(channel, expired, fixture.Network.Channel);
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var committed = await gateway.SubmitAndWaitAsync(ct, "put", "expired-check", "v");

        // Act
        var deliver = await DeliverCalls.StatusAsync(channel, DeliverCalls.Seek(expired, fixture.Network.Channel, 0, 0), ct);
        var status = await Assert.ThrowsAsync<RpcException>(() => gateway.CommitStatusAsync("any-transaction", expired, ct));
        var events = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = expiredGateway.ChaincodeEvents(new SeekPosition { Oldest = new SeekOldest() }, string.Empty, ct);
            await call.ResponseStream.MoveNext(ct);
        });
        var stillDelivering = await DeliverCalls.StatusAsync(channel, DeliverCalls.Seek(client, fixture.Network.Channel, 0, 0), ct);
        var stillEvaluating = await gateway.EvaluateAsync(ct, "get", "expired-check");

        // Assert
        Assert.Equal(Protos.Peer.TxValidationCode.Valid, committed.Result);
        Assert.Equal(Status.Forbidden, deliver);
        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
        Assert.Contains("expired on", status.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, events.StatusCode);
        Assert.Contains("expired on", events.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(Status.Success, stillDelivering);
        Assert.Equal("v", stillEvaluating.Payload.ToStringUtf8());
    }
}
