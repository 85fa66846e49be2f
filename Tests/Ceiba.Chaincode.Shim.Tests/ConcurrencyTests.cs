using System.Text;
using Ceiba.Testing.Chaincode;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class ConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Many_transactions_run_concurrently_on_one_stream()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => driver.InvokeAsync(Ct, "put", $"k{i}", $"v{i}")));

        // Assert
        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.Equal(300, results.Select(r => r.TxId).Distinct().Count());
        Assert.Equal(300UL, driver.Ledger.Height);
        Assert.Equal("v299", Encoding.UTF8.GetString(driver.Ledger.Get("k299")!));
    }

    [Fact]
    public async Task A_blocked_transaction_does_not_hold_up_the_others()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        var blocked = driver.InvokeAsync(Ct, "wait", "g1");
        await host.Chaincode.Reached("g1").Task.WaitAsync(Ct);

        // Act
        var other = await driver.InvokeAsync(Ct, "put", "k", "v");
        host.Chaincode.Gate("g1").SetResult();
        var released = await blocked;

        // Assert
        Assert.Equal(200, other.Status);
        Assert.Equal("released g1", released.PayloadText);
        Assert.Equal(released.TxId, Encoding.UTF8.GetString(driver.Ledger.Get("waited-g1")!));
    }

    [Fact]
    public async Task A_duplicate_txid_in_flight_is_refused_and_the_first_goes_on()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        var proposal = driver.NewProposal("wait", "dup");
        var first = driver.InvokeAsync(proposal, cancellationToken: Ct);
        await host.Chaincode.Reached("dup").Task.WaitAsync(Ct);

        // Act
        var duplicate = await driver.SendAndReceiveAsync(HandshakeTests.Transaction(proposal), Ct);
        host.Chaincode.Gate("dup").SetResult();
        var original = await first;

        // Assert
        Assert.Equal(MessageType.Error, duplicate.Type);
        Assert.Equal(proposal.TxId, duplicate.Txid);
        Assert.Contains("duplicate transaction id", duplicate.Payload.ToStringUtf8());
        Assert.Equal(200, original.Status);
    }

    [Fact]
    public async Task The_same_txid_on_two_channels_are_two_transactions()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        var onHavana = TestProposal.Create(driver.Identity, "havana", "ehr", ["wait", "two-channels"]);
        var onHolguin = onHavana with { ChannelId = "holguin" };

        // Act
        var havana = driver.InvokeAsync(onHavana, cancellationToken: Ct);
        var holguin = driver.InvokeAsync(onHolguin, cancellationToken: Ct);
        await host.Chaincode.Reached("two-channels").Task.WaitAsync(Ct);
        host.Chaincode.Gate("two-channels").SetResult();
        var results = await Task.WhenAll(havana, holguin);

        // Assert
        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.All(results, r => Assert.Equal(onHavana.TxId, r.TxId));
    }

    [Fact]
    public async Task Two_peers_can_hold_streams_to_one_server()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var peer0 = await host.ConnectAsync(Ct);
        await using var peer1 = await host.ConnectAsync(Ct);

        // Act
        var results = await Task.WhenAll(peer0.InvokeAsync(Ct, "put", "a", "0"), peer1.InvokeAsync(Ct, "put", "a", "1"));

        // Assert
        Assert.All(results, r => Assert.Equal(200, r.Status));
        Assert.Equal("0", Encoding.UTF8.GetString(peer0.Ledger.Get("a")!));
        Assert.Equal("1", Encoding.UTF8.GetString(peer1.Ledger.Get("a")!));
    }
}
