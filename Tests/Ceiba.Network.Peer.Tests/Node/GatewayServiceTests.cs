using Ceiba.Testing.Fabric;
using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Tests.Support;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Network.Peer.Tests.Node;

public sealed class GatewayServiceTests(SeedNetworkFixture fixture) : IClassFixture<SeedNetworkFixture>
{
    [Fact]
    public async Task Submit_commits_valid_and_evaluate_reads_the_committed_value()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel();
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);

        // Act
        var status = await gateway.SubmitAndWaitAsync(cancellationToken, "put", "gw-patient", "bob");
        var read = await gateway.EvaluateAsync(cancellationToken, "get", "gw-patient");

        // Assert
        Assert.Equal(TxValidationCode.Valid, status.Result);
        Assert.True(status.BlockNumber > 0);
        Assert.Equal((200, "bob"), (read.Status, read.Payload.ToStringUtf8()));
    }

    [Fact]
    public async Task Commit_status_answers_for_a_past_transaction_and_chaincode_events_replay_from_its_block()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var channel = fixture.PeerChannel();
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var (firstTx, firstEnvelope) = await gateway.EndorseAsync(cancellationToken, null, "put", "ev-1", "x");
        await gateway.Client.SubmitAsync(new SubmitRequest { TransactionId = firstTx, ChannelId = fixture.Network.Channel, PreparedTransaction = firstEnvelope }, cancellationToken: cancellationToken);
        var first = await gateway.CommitStatusAsync(firstTx, client, cancellationToken);
        await gateway.SubmitAndWaitAsync(cancellationToken, "put", "ev-2", "y");

        // Act
        var again = await gateway.CommitStatusAsync(firstTx, client, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        using var events = gateway.ChaincodeEvents(new SeekPosition { Specified = new SeekSpecified { Number = first.BlockNumber } }, firstTx, timeout.Token);
        Assert.True(await events.ResponseStream.MoveNext(timeout.Token));
        var received = events.ResponseStream.Current;

        // Assert
        Assert.Equal(first, again);
        var chaincodeEvent = received.Events.First();
        Assert.Equal(("put", "ev-2", "ehr"), (chaincodeEvent.EventName, chaincodeEvent.Payload.ToStringUtf8(), chaincodeEvent.ChaincodeId));
    }

    [Fact]
    public async Task Concurrent_submits_sharing_the_orderer_stream_each_get_their_own_answer()
    {
        // Arrange: every third envelope is signed by a stranger, so the orderer answers 403 between 200s on the same stream
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var strangers = new TestOrgs("StrangerMSP");
        using var stranger = strangers.Issue("StrangerMSP", NodeOURole.Client);
        using var channel = fixture.PeerChannel();
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var prepared = new List<(string TxId, Protos.Common.Envelope Envelope, bool Signed)>();
        for (var i = 0; i < 24; i++)
        {
            var (txId, envelope) = await gateway.EndorseAsync(cancellationToken, null, "put", $"shared-{i}", $"v{i}");
            var signed = i % 3 != 0;
            if (!signed)
            {
                envelope.Signature = Google.Protobuf.ByteString.CopyFrom(stranger.Signer.SignMessage(envelope.Payload.Span));
            }
            prepared.Add((txId, envelope, signed));
        }

        // Act
        var outcomes = await Task.WhenAll(prepared.Select(async p =>
        {
            try
            {
                await gateway.Client.SubmitAsync(new SubmitRequest { TransactionId = p.TxId, ChannelId = fixture.Network.Channel, PreparedTransaction = p.Envelope }, cancellationToken: cancellationToken);
                return (p.TxId, p.Signed, Code: StatusCode.OK);
            }
            catch (RpcException error)
            {
                return (p.TxId, p.Signed, Code: error.StatusCode);
            }
        }));
        var committed = new List<TxValidationCode>();
        foreach (var outcome in outcomes.Where(o => o.Signed))
        {
            committed.Add((await gateway.CommitStatusAsync(outcome.TxId, client, cancellationToken)).Result);
        }

        // Assert
        Assert.All(outcomes, o => Assert.Equal(o.Signed ? StatusCode.OK : StatusCode.Aborted, o.Code));
        Assert.Equal(16, committed.Count);
        Assert.All(committed, code => Assert.Equal(TxValidationCode.Valid, code));
    }

    [Fact]
    public async Task Errors_are_rpc_statuses_with_details()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = fixture.Network.Client();
        using var strangers = new TestOrgs("StrangerMSP");
        using var stranger = strangers.Issue("StrangerMSP", NodeOURole.Client);
        using var channel = fixture.PeerChannel();
        var gateway = new GatewayCalls(channel, client, fixture.Network.Channel);
        var (txId, envelope) = await gateway.EndorseAsync(cancellationToken, null, "put", "err", "z");
        envelope.Signature = Google.Protobuf.ByteString.Empty;

        // Act
        var chaincodeError = await Assert.ThrowsAsync<RpcException>(() => gateway.EndorseAsync(cancellationToken, null, "fail", "500", "boom"));
        var evaluateError = await Assert.ThrowsAsync<RpcException>(() => gateway.EvaluateAsync(cancellationToken, "fail", "404", "missing"));
        var unsigned = await Assert.ThrowsAsync<RpcException>(async () => await gateway.Client.SubmitAsync(new SubmitRequest { TransactionId = txId, ChannelId = fixture.Network.Channel, PreparedTransaction = envelope }, cancellationToken: cancellationToken));
        var denied = await Assert.ThrowsAsync<RpcException>(() => gateway.CommitStatusAsync(txId, stranger, cancellationToken));

        // Assert
        Assert.Equal(StatusCode.Aborted, chaincodeError.StatusCode);
        var detail = chaincodeError.GetRpcStatus()!.GetDetail<ErrorDetail>();
        Assert.Equal("HabanaMSP", detail.MspId);
        Assert.Contains("chaincode response 500, boom", detail.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unknown, evaluateError.StatusCode);
        Assert.Contains("chaincode response 404, missing", evaluateError.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, unsigned.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
