using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Gateway.Client.Tests.Embedded;

using Ceiba.Gateway.Client;

/// <summary>
/// Offline signing against the real peer: a gateway without a signer, each digest signed by an external signer
/// (the doctor's key from its MSP folder), and the signed objects rebuilt from their bytes.
/// </summary>
public sealed class EmbeddedOfflineSigningTests(CubaNetworkFixture fixture) : IClassFixture<CubaNetworkFixture>
{
    [Fact]
    public async Task A_transaction_signed_offline_at_every_stage_commits_and_its_result_can_be_read()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var id = CubaNetworkFixture.NextId();
        var offline = Gateway.Connect(Identity.FromMspFolder(fixture.Network.ClientMspDirectory(), fixture.MspIds[0]), signer: null, fixture.Channel(0));
        var externalSigner = GatewaySigners.FromMspFolder(fixture.Network.ClientMspDirectory());
        var contract = offline.GetNetwork(fixture.Network.Channel).GetContract(CubaNetworkFixture.Chaincode);
        var unsigned = contract.NewProposal("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(id, 1961)));

        // Act
        var proposal = offline.NewSignedProposal(unsigned.Bytes, externalSigner(unsigned.Digest));
        var endorsed = await proposal.EndorseAsync(ct);
        var transaction = offline.NewSignedTransaction(endorsed.Bytes, externalSigner(endorsed.Digest));
        var submitted = await transaction.SubmitAsync(ct);
        var commit = offline.NewSignedCommit(submitted.Bytes, externalSigner(submitted.Digest));
        var status = await commit.GetStatusAsync(ct);
        var read = await fixture.Contract.EvaluateTransactionAsync("GetPerson", ProposalOptions.FromArguments(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);

        // Assert
        Assert.Equal(unsigned.TransactionId, status.TransactionId);
        Assert.Equal(TxValidationCode.Valid, status.Code);
        Assert.Equal(1961, JsonNode.Parse(Encoding.UTF8.GetString(read))!["year_of_birth"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_proposal_signed_offline_with_another_key_is_refused_by_the_peer()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var wrongSigner = Signers.NewPrivateKeySigner(strangerKey);
        var offline = Gateway.Connect(Identity.FromMspFolder(fixture.Network.ClientMspDirectory(), fixture.MspIds[0]), signer: null, fixture.Channel(0));
        var unsigned = offline.GetNetwork(fixture.Network.Channel).GetContract(CubaNetworkFixture.Chaincode)
            .NewProposal("CreatePerson", ProposalOptions.FromArguments(CubaNetworkFixture.Person(CubaNetworkFixture.NextId())));
        var proposal = offline.NewSignedProposal(unsigned.Bytes, wrongSigner(unsigned.Digest));

        // Act
        var error = await Assert.ThrowsAsync<EndorseException>(() => proposal.EndorseAsync(ct));

        // Assert
        Assert.Equal(unsigned.TransactionId, error.TransactionId);
        Assert.Contains(error.Details, d => d.Message.Contains("signature", StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(StatusCode.OK, error.StatusCode);
    }

    [Fact]
    public void Without_a_signer_an_unsigned_proposal_is_refused_before_anything_is_sent()
    {
        // Arrange
        var offline = Gateway.Connect(Identity.FromMspFolder(fixture.Network.ClientMspDirectory(), fixture.MspIds[0]), signer: null, fixture.Channel(0));
        var unsigned = offline.GetNetwork(fixture.Network.Channel).GetContract(CubaNetworkFixture.Chaincode).NewProposal("GetPerson", ProposalOptions.FromArguments("1"));

        // Act
        var error = Assert.Throws<InvalidOperationException>(unsigned.Sign);

        // Assert
        Assert.Contains("signer", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
