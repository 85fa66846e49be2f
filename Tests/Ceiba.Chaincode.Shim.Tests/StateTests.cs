using System.Text;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class StateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_get_and_delete_go_to_the_peer_and_commit()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var put = await driver.InvokeAsync(Ct, "put", "person:1", "Ana");
        var get = await driver.InvokeAsync(Ct, "get", "person:1");
        var delete = await driver.InvokeAsync(Ct, "del", "person:1");
        var missing = await driver.InvokeAsync(Ct, "get", "person:1");

        // Assert
        Assert.Equal([MessageType.PutState], put.Requests);
        var write = Assert.Single(put.Writes);
        Assert.Equal(("person:1", "Ana", false), (write.Key, Encoding.UTF8.GetString(write.Value), write.IsDelete));
        Assert.Equal("Ana", get.PayloadText);
        Assert.Equal([MessageType.GetState], get.Requests);
        Assert.True(delete.Writes.Single().IsDelete);
        Assert.Equal(200, missing.Status);
        Assert.Equal(string.Empty, missing.PayloadText);
    }

    [Fact]
    public async Task Reads_do_not_see_the_transactions_own_writes()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        driver.Ledger.Put("k", "committed"u8.ToArray());

        // Act
        var result = await driver.InvokeAsync(Ct, "putget", "k", "uncommitted");

        // Assert
        Assert.Equal("committed", result.PayloadText);
        Assert.Equal([MessageType.PutState, MessageType.GetState], result.Requests);
        Assert.Equal("uncommitted", Encoding.UTF8.GetString(driver.Ledger.Get("k")!));
    }

    [Fact]
    public async Task Concurrent_requests_of_one_transaction_are_serialized_on_the_stream()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        for (var i = 0; i < 20; i++)
        {
            driver.Ledger.Put($"k{i}", Encoding.UTF8.GetBytes($"v{i}"));
        }

        // Act
        var result = await driver.InvokeAsync(Ct, ["parallelGet", .. Enumerable.Range(0, 20).Select(i => $"k{i}")]);

        // Assert: all twenty answered, in the order asked, although the peer serves one request per transaction at a time.
        Assert.Equal(string.Join(',', Enumerable.Range(0, 20).Select(i => $"v{i}")), result.PayloadText);
        Assert.Equal(20, result.Requests.Count);
    }

    [Fact]
    public async Task Key_level_endorsement_policy_round_trips_through_state_metadata()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        driver.Ledger.Put("asset1", "x"u8.ToArray());

        // Act
        var set = await driver.InvokeAsync(Ct, "epset", "asset1", "0a0b0c");
        var get = await driver.InvokeAsync(Ct, "epget", "asset1");
        var none = await driver.InvokeAsync(Ct, "epget", "asset2");

        // Assert
        var write = Assert.Single(set.MetadataWrites);
        Assert.Equal(("asset1", "VALIDATION_PARAMETER"), (write.Key, write.Metakey));
        Assert.Equal([MessageType.PutStateMetadata], set.Requests);
        Assert.Equal("0a0b0c", get.PayloadText);
        Assert.Equal([MessageType.GetStateMetadata], get.Requests);
        Assert.Equal(string.Empty, none.PayloadText);
    }

    [Fact]
    public async Task Private_data_requests_carry_the_collection()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var put = await driver.InvokeAsync(Ct, "privput", "habanaPrivate", "p1", "secret");
        var get = await driver.InvokeAsync(Ct, "privget", "habanaPrivate", "p1");
        var hash = await driver.InvokeAsync(Ct, "privhash", "habanaPrivate", "p1");

        // Assert
        Assert.Equal("habanaPrivate", put.Writes.Single().Collection);
        Assert.Null(driver.Ledger.Get("p1"));
        Assert.Equal("secret", get.PayloadText);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("secret"u8)), hash.PayloadText);
        Assert.Equal([MessageType.GetPrivateDataHash], hash.Requests);
    }

    [Fact]
    public async Task A_peer_error_reaches_the_chaincode_as_PeerRequestException()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct, new Testing.Chaincode.ChaincodeDriverOptions
        {
            InterceptRequest = request => request.Type == MessageType.GetState
                ? new ChaincodeMessage { Type = MessageType.Error, Payload = ByteString.CopyFromUtf8("ledger unavailable") }
                : null,
        });

        // Act
        var result = await driver.InvokeAsync(Ct, "tryGet", "k");

        // Assert
        Assert.Equal(502, result.Status);
        Assert.Contains("GET_STATE failed for transaction", result.Message);
        Assert.Contains("ledger unavailable", result.Message);
    }
}
