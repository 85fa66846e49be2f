using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class MalformedMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transaction_with_a_garbage_payload_gets_error_and_the_stream_goes_on()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        var message = HandshakeTests.Transaction(driver.NewProposal("put", "k", "v"));
        message.Payload = ByteString.CopyFrom(0xFF, 0xFF, 0xFF, 0x01);

        // Act
        var reply = await driver.SendAndReceiveAsync(message, Ct);
        var next = await driver.InvokeAsync(Ct, "put", "k", "v");

        // Assert
        Assert.Equal(MessageType.Error, reply.Type);
        Assert.Equal(message.Txid, reply.Txid);
        Assert.Contains("payload is not a ChaincodeInput", reply.Payload.ToStringUtf8());
        Assert.Equal(200, next.Status);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("config-update")]
    public async Task A_transaction_with_an_unusable_proposal_gets_error(string problem)
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        var message = HandshakeTests.Transaction(driver.NewProposal("put", "k", "v"));
        message.Proposal = problem switch
        {
            "missing" => null,
            "garbage" => new SignedProposal { ProposalBytes = ByteString.CopyFrom(0x0A, 0x05, 0x01) },
            _ => WithHeaderType(message.Proposal, Network.Protos.Common.HeaderType.ConfigUpdate),
        };

        // Act
        var reply = await driver.SendAndReceiveAsync(message, Ct);

        // Assert
        Assert.Equal(MessageType.Error, reply.Type);
        Assert.Contains("cannot run TRANSACTION", reply.Payload.ToStringUtf8());
        Assert.Null(driver.Ledger.Get("k"));
        Assert.Equal(200, (await driver.InvokeAsync(Ct, "put", "k", "v")).Status);
    }

    [Theory]
    [InlineData(MessageType.GetState)]
    [InlineData(MessageType.Register)]
    [InlineData((MessageType)99)]
    public async Task An_unexpected_message_type_gets_error_naming_it(MessageType type)
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        var message = new ChaincodeMessage { Type = type, Txid = "tx-unexpected", ChannelId = "ehr", Payload = ByteString.CopyFromUtf8("?") };

        // Act
        var reply = await driver.SendAndReceiveAsync(message, Ct);
        var next = await driver.InvokeAsync(Ct, "put", "k", "v");

        // Assert
        Assert.Equal(MessageType.Error, reply.Type);
        Assert.Equal(("ehr", "tx-unexpected"), (reply.ChannelId, reply.Txid));
        Assert.Contains("cannot handle message", reply.Payload.ToStringUtf8());
        Assert.Equal(200, next.Status);
    }

    [Fact]
    public async Task A_response_for_an_unknown_transaction_gets_error_but_a_stray_error_gets_no_answer()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var reply = await driver.SendAndReceiveAsync(new ChaincodeMessage { Type = MessageType.Response, Txid = "nobody", ChannelId = "ehr" }, Ct);
        driver.Send(new ChaincodeMessage { Type = MessageType.Error, Txid = "nobody-either", ChannelId = "ehr" });
        var next = await driver.InvokeAsync(Ct, "put", "k", "v");

        // Assert: the transaction after the stray ERROR was served, and nothing answered the ERROR.
        Assert.Equal(MessageType.Error, reply.Type);
        Assert.Contains("no request of this transaction is waiting", reply.Payload.ToStringUtf8());
        Assert.Equal(200, next.Status);
        Assert.False(driver.TryReceiveUnsolicited(out _));
    }

    [Fact]
    public async Task A_garbage_reply_to_a_query_fails_that_transaction_only()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct, new Testing.Chaincode.ChaincodeDriverOptions
        {
            InterceptRequest = request => request.Type == MessageType.GetStateByRange
                ? new ChaincodeMessage { Type = MessageType.Response, Payload = ByteString.CopyFrom(0xFF, 0xFF) }
                : null,
        });

        // Act
        var broken = await driver.InvokeAsync(Ct, "range", "a", "z");
        var next = await driver.InvokeAsync(Ct, "put", "k", "v");

        // Assert
        Assert.Equal(MessageType.Error, broken.Type);
        Assert.Contains("GET_STATE_BY_RANGE failed", broken.ErrorText);
        Assert.Contains("cannot be decoded as QueryResponse", broken.ErrorText);
        Assert.Equal(200, next.Status);
    }

    private static SignedProposal WithHeaderType(SignedProposal signed, Network.Protos.Common.HeaderType type)
    {
        var proposal = Proposal.Parser.ParseFrom(signed.ProposalBytes);
        var header = Network.Protos.Common.Header.Parser.ParseFrom(proposal.Header);
        var channelHeader = Network.Protos.Common.ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
        channelHeader.Type = (int)type;
        header.ChannelHeader = channelHeader.ToByteString();
        proposal.Header = header.ToByteString();
        return new SignedProposal { ProposalBytes = proposal.ToByteString(), Signature = signed.Signature };
    }
}
