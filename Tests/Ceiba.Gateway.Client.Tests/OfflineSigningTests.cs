using System.Security.Cryptography;
using System.Text;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Protos.Gateway;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>A gateway without a signer: every request is signed elsewhere from its digest and rebuilt from (bytes, signature).</summary>
public sealed class OfflineSigningTests
{
    [Fact]
    public async Task A_full_transaction_signed_offline_commits()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var gateway = fixture.ConnectOffline();
        var contract = gateway.GetNetwork(GatewayFixture.Channel).GetContract(GatewayFixture.Chaincode);
        var key = fixture.Identities.Client;
        var unsignedProposal = contract.NewProposal("CreatePerson", ProposalOptions.FromArguments("p-3"));

        // Act
        var proposal = gateway.NewSignedProposal(unsignedProposal.Bytes, key.Sign(unsignedProposal.Digest));
        var unsignedTransaction = await proposal.EndorseAsync(ct);
        var transaction = gateway.NewSignedTransaction(unsignedTransaction.Bytes, key.Sign(unsignedTransaction.Digest));
        var unsignedCommit = await transaction.SubmitAsync(ct);
        var commit = gateway.NewSignedCommit(unsignedCommit.Bytes, key.Sign(unsignedCommit.Digest));
        var status = await commit.GetStatusAsync(ct);

        // Assert
        Assert.True(status.Successful);
        Assert.Equal(unsignedProposal.TransactionId, proposal.TransactionId);
        Assert.Equal(unsignedProposal.TransactionId, transaction.TransactionId);
        Assert.Equal(unsignedProposal.TransactionId, commit.TransactionId);
        Assert.Equal(unsignedProposal.TransactionId, status.TransactionId);
        Assert.Equal("CreatePerson(p-3)", Encoding.UTF8.GetString(transaction.Result));
        Assert.Equal(GatewayFixture.Chaincode, transaction.ChaincodeName);
        Assert.Equal(GatewayFixture.Channel, commit.ChannelName);
    }

    [Fact]
    public void Digests_are_SHA256_of_the_signed_bytes()
    {
        // Arrange
        using var identities = new ClientIdentities();
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress("http://127.0.0.1:1");
        var gateway = Gateway.Connect(Identity.FromSigningIdentity(identities.Client), signer: null, channel);
        var proposal = gateway.GetNetwork("ehr").GetContract("omop").NewProposal("ReadPerson");

        // Act
        var proposed = ProposedTransaction.Parser.ParseFrom(proposal.Bytes);

        // Assert
        Assert.Equal(SHA256.HashData(proposed.Proposal.ProposalBytes.Span), proposal.Digest);
        Assert.Equal(proposal.TransactionId, proposed.TransactionId);
        Assert.True(proposed.Proposal.Signature.IsEmpty);
    }

    [Fact]
    public async Task Without_a_signer_an_unsigned_proposal_fails_with_a_clear_error_before_any_call()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var contract = fixture.ConnectOffline().GetNetwork(GatewayFixture.Channel).GetContract(GatewayFixture.Chaincode);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => contract.SubmitTransactionAsync("CreatePerson", new ProposalOptions(), TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("no signer", error.Message);
        Assert.Contains("Gateway.NewSignedProposal(bytes, signature)", error.Message);
        Assert.Empty(fixture.State.Endorsed);
    }

    [Fact]
    public async Task Without_a_signer_an_unsigned_transaction_cannot_be_submitted()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var gateway = fixture.ConnectOffline();
        var unsigned = gateway.GetNetwork(GatewayFixture.Channel).GetContract(GatewayFixture.Chaincode).NewProposal("CreatePerson");
        var transaction = await gateway.NewSignedProposal(unsigned.Bytes, fixture.Identities.Client.Sign(unsigned.Digest)).EndorseAsync(ct);

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.SubmitAsync(ct));

        // Assert
        Assert.Contains("Gateway.NewSignedTransaction(bytes, signature)", error.Message);
        Assert.Empty(fixture.State.Submitted);
    }

    [Fact]
    public async Task Transaction_digest_is_SHA256_of_the_envelope_payload()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();

        // Act
        var transaction = await fixture.Contract.NewProposal("CreatePerson").EndorseAsync(TestContext.Current.CancellationToken);

        // Assert
        var prepared = PreparedTransaction.Parser.ParseFrom(transaction.Bytes);
        Assert.Equal(SHA256.HashData(prepared.Envelope.Payload.Span), transaction.Digest);
        Assert.Equal(transaction.TransactionId, prepared.TransactionId);
    }

    [Fact]
    public void Rebuilding_from_bytes_that_are_not_a_proposal_is_InvalidDataException()
    {
        // Arrange
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress("http://127.0.0.1:1");
        using var identities = new ClientIdentities();
        var gateway = Gateway.Connect(Identity.FromSigningIdentity(identities.Client), signer: null, channel);

        // Act
        var error = Assert.Throws<InvalidDataException>(() => gateway.NewSignedProposal([0xff, 0xff, 0xff], [0x30]));

        // Assert
        Assert.Contains("Proposal", error.Message);
    }
}
