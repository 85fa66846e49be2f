using Ceiba.Network.Protos.Peer;
using Ceiba.Testing.Chaincode;
using Google.Protobuf;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class HandshakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registers_with_the_package_id_and_serves_transactions_after_ready()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);

        // Act
        await using var driver = await host.ConnectAsync(Ct);
        var result = await driver.InvokeAsync(Ct, "put", "k1", "v1");

        // Assert
        Assert.Equal(ShimHost.PackageId, driver.ChaincodeId);
        Assert.True(result.IsCompleted, result.ToString());
        Assert.Equal(200, result.Status);
        Assert.Equal("v1", System.Text.Encoding.UTF8.GetString(driver.Ledger.Get("k1")!));
    }

    [Fact]
    public async Task Transaction_before_registered_or_ready_gets_error_and_the_stream_goes_on()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct, new ChaincodeDriverOptions { CompleteHandshake = false });
        var early = driver.NewProposal("put", "early", "x");

        // Act
        var inCreated = await driver.SendAndReceiveAsync(Transaction(early), Ct);
        driver.Send(new ChaincodeMessage { Type = MessageType.Registered });
        var inEstablished = await driver.SendAndReceiveAsync(Transaction(driver.NewProposal("put", "early", "y")), Ct);
        driver.Send(new ChaincodeMessage { Type = MessageType.Ready });
        var afterReady = await driver.InvokeAsync(Ct, "put", "late", "z");

        // Assert
        Assert.Equal(MessageType.Error, inCreated.Type);
        Assert.Equal(early.TxId, inCreated.Txid);
        Assert.Equal("ehr", inCreated.ChannelId);
        Assert.Contains("(TRANSACTION) while in state created", inCreated.Payload.ToStringUtf8());
        Assert.Equal(MessageType.Error, inEstablished.Type);
        Assert.Contains("while in state established", inEstablished.Payload.ToStringUtf8());
        Assert.Equal(200, afterReady.Status);
        Assert.Null(driver.Ledger.Get("early"));
    }

    [Fact]
    public async Task Keepalive_is_echoed_in_every_state()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct, new ChaincodeDriverOptions { CompleteHandshake = false });
        var ping = new ChaincodeMessage { Type = MessageType.Keepalive, Payload = ByteString.CopyFromUtf8("ping-1") };

        // Act
        driver.Send(ping);
        var beforeRegistered = await driver.ReceiveUnsolicitedAsync(Ct);
        driver.Send(new ChaincodeMessage { Type = MessageType.Registered });
        driver.Send(new ChaincodeMessage { Type = MessageType.Ready });
        driver.Send(new ChaincodeMessage { Type = MessageType.Keepalive, Payload = ByteString.CopyFromUtf8("ping-2") });
        var whenReady = await driver.ReceiveUnsolicitedAsync(Ct);

        // Assert
        Assert.Equal(MessageType.Keepalive, beforeRegistered.Type);
        Assert.Equal("ping-1", beforeRegistered.Payload.ToStringUtf8());
        Assert.Equal(MessageType.Keepalive, whenReady.Type);
        Assert.Equal("ping-2", whenReady.Payload.ToStringUtf8());
    }

    internal static ChaincodeMessage Transaction(TestProposal proposal) => new()
    {
        Type = MessageType.Transaction,
        Payload = proposal.Input.ToByteString(),
        Txid = proposal.TxId,
        ChannelId = proposal.ChannelId,
        Proposal = proposal.SignedProposal,
    };
}
