using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ceiba.Testing.Chaincode;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Tests;

public sealed class CompletionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Completed_carries_the_event_the_chaincode_set()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var withEvent = await driver.InvokeAsync(Ct, "event", "NoteCreated", "{\"id\":\"n1\"}");
        var without = await driver.InvokeAsync(Ct, "put", "k", "v");

        // Assert
        Assert.Equal(MessageType.Completed, withEvent.Type);
        Assert.Equal("NoteCreated", withEvent.Event!.EventName);
        Assert.Equal("{\"id\":\"n1\"}", withEvent.Event.Payload.ToStringUtf8());
        Assert.Null(without.Event);
    }

    [Fact]
    public async Task A_business_error_completes_with_its_status_and_commits_nothing()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var result = await driver.InvokeAsync(Ct, "fail", "403", "doctors only");

        // Assert
        Assert.Equal(MessageType.Completed, result.Type);
        Assert.Equal((403, "doctors only"), (result.Status, result.Message));
        Assert.Equal(0UL, driver.Ledger.Height);
    }

    [Fact]
    public async Task A_crash_is_an_error_with_the_message_and_no_stack_trace()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var crash = await driver.InvokeAsync(Ct, "throw", "database offline");
        var after = await driver.InvokeAsync(Ct, "put", "k", "v");

        // Assert: the peer turns ERROR into a status-500 proposal response.
        Assert.Equal(MessageType.Error, crash.Type);
        Assert.Equal("database offline", crash.ErrorText);
        Assert.DoesNotContain(" at ", crash.ErrorText);
        Assert.Equal(200, after.Status);
    }

    [Fact]
    public async Task Init_runs_the_chaincodes_init()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var result = await driver.InvokeAsync(driver.NewProposal("init", "a", "b"), type: MessageType.Init, cancellationToken: Ct);

        // Assert
        Assert.Equal("init:a,b", result.PayloadText);
    }

    [Fact]
    public async Task The_stub_exposes_the_proposal_context()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);
        var timestamp = new DateTimeOffset(2024, 5, 1, 12, 30, 0, 123, TimeSpan.Zero);
        var proposal = TestProposal.Create(
            driver.Identity, "havana", "ehr", ["txinfo", "p1", "p2"],
            new Dictionary<string, byte[]> { ["password"] = "s3cret"u8.ToArray() }, timestamp);

        // Act
        var result = await driver.InvokeAsync(proposal, cancellationToken: Ct);

        // Assert
        var info = JsonNode.Parse(result.PayloadText)!;
        var expectedBinding = SHA256.HashData([.. proposal.Nonce, .. proposal.Creator, .. new byte[8]]);
        Assert.Equal(proposal.TxId, (string?)info["txId"]);
        Assert.Equal("havana", (string?)info["channelId"]);
        Assert.Equal("HabanaMSP", (string?)info["mspId"]);
        Assert.Equal("txinfo", (string?)info["function"]);
        Assert.Equal(["p1", "p2"], info["parameters"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(Convert.ToHexStringLower(expectedBinding), (string?)info["binding"]);
        Assert.Equal(timestamp.ToUnixTimeMilliseconds(), (long)info["timestampMs"]!);
        Assert.Equal("s3cret", (string?)info["transient"]!["password"]);
    }

    [Fact]
    public async Task Client_identity_reads_the_fabric_ca_attributes()
    {
        // Arrange
        await using var host = await ShimHost.StartAsync(Ct);
        await using var driver = await host.ConnectAsync(Ct);

        // Act
        var result = await driver.InvokeAsync(Ct, "identity");

        // Assert
        Assert.Equal("""{"mspId":"HabanaMSP","role":"doctor","isDoctor":true}""", result.PayloadText);
        Assert.Equal(Encoding.UTF8.GetBytes(driver.Identity.CertificatePem), driver.Identity.Serialized.IdBytes.ToByteArray());
    }
}
