using System.Text;
using Ceiba.Gateway.Client.Tests.Support;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Testing;
using static Ceiba.Testing.NodeProtos;

namespace Ceiba.Gateway.Client.Tests;

/// <summary>
/// Proof that the client's bytes are what Fabric expects: every signed request is decoded by the official Node bindings
/// (<c>@hyperledger/fabric-protos</c>), checked field by field, and its signature verified over the exact signed bytes.
/// </summary>
public sealed class NodeWireProofTests
{
    [Fact]
    public async Task Signed_proposal_decodes_in_node_with_every_header_field_as_fabric_builds_it()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var options = ProposalOptions.FromArguments("p-1", "{\"gender\":\"F\"}").WithTransient("ssn", "85010112345") with { EndorsingOrganizations = ["HabanaMSP"] };
        var proposal = fixture.Gateway.GetNetwork(GatewayFixture.Channel).GetContract(GatewayFixture.Chaincode, "PersonContract").NewProposal("CreatePerson", options);
        proposal.Sign();
        var nested = new Dictionary<string, string>
        {
            ["proposal.proposalBytes"] = "protos.Proposal",
            ["proposal.proposalBytes.header"] = "common.Header",
            ["proposal.proposalBytes.header.channelHeader"] = "common.ChannelHeader",
            ["proposal.proposalBytes.header.channelHeader.extension"] = "protos.ChaincodeHeaderExtension",
            ["proposal.proposalBytes.header.signatureHeader"] = "common.SignatureHeader",
            ["proposal.proposalBytes.payload"] = "protos.ChaincodeProposalPayload",
            ["proposal.proposalBytes.payload.input"] = "protos.ChaincodeInvocationSpec",
        };

        // Act
        var node = await DecodeAsync("gateway.ProposedTransaction", proposal.Bytes, nested, TestContext.Current.CancellationToken);
        var creator = await DecodeAsync("msp.SerializedIdentity", node.At("proposal.proposalBytes.header.signatureHeader").Bytes("creator"), cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(proposal.TransactionId, node.Str("transactionId"));
        Assert.Equal(["HabanaMSP"], node.At("endorsingOrganizationsList").AsArray().Select(o => o!.GetValue<string>()));

        var channelHeader = node.At("proposal.proposalBytes.header.channelHeader");
        Assert.Equal(3, channelHeader.Long("type"));
        Assert.Equal(0, channelHeader.Long("version"));
        Assert.InRange(channelHeader.Long("timestamp.seconds"), before - 1, before + 60);
        Assert.Equal(GatewayFixture.Channel, channelHeader.Str("channelId"));
        Assert.Equal(proposal.TransactionId, channelHeader.Str("txId"));
        Assert.Equal(0, channelHeader.Long("epoch"));
        Assert.Equal(GatewayFixture.Chaincode, channelHeader.Str("extension.chaincodeId.name"));
        Assert.Equal("", channelHeader.Str("extension.chaincodeId.version"));
        Assert.Equal("", channelHeader.Str("tlsCertHash"));

        var signatureHeader = node.At("proposal.proposalBytes.header.signatureHeader");
        var nonce = signatureHeader.Bytes("nonce");
        var creatorBytes = signatureHeader.Bytes("creator");
        Assert.Equal(24, nonce.Length);
        Assert.Equal(ClientIdentities.MspId, creator.Str("mspid"));
        Assert.Equal(Encoding.UTF8.GetString(fixture.Identities.Client.CertificatePem.Span), creator.Utf8("idBytes"));
        Assert.Equal(fixture.Identities.Client.Serialized.ToArray(), creatorBytes);
        Assert.Equal(proposal.TransactionId, SignatureChecks.TxId(nonce, creatorBytes));

        var payload = node.At("proposal.proposalBytes.payload");
        Assert.Equal(2, payload.Long("input.chaincodeSpec.type")); // NODE, as the official gateway clients set it
        Assert.Equal(GatewayFixture.Chaincode, payload.Str("input.chaincodeSpec.chaincodeId.name"));
        Assert.Equal(3, payload.Count("input.chaincodeSpec.input.argsList"));
        Assert.Equal("PersonContract:CreatePerson", payload.Utf8("input.chaincodeSpec.input.argsList.0"));
        Assert.Equal("p-1", payload.Utf8("input.chaincodeSpec.input.argsList.1"));
        Assert.Equal("{\"gender\":\"F\"}", payload.Utf8("input.chaincodeSpec.input.argsList.2"));
        Assert.Equal("85010112345", payload.Utf8("transientmapMap.ssn"));
        Assert.Equal("", node.Str("proposal.proposalBytes.extension"));

        var signedProposal = ProposedTransaction.Parser.ParseFrom(proposal.Bytes).Proposal;
        var signature = node.Bytes("proposal.signature");
        Assert.True(EcdsaSignature.IsLowS(signature));
        Assert.True(SignatureChecks.VerifyWithPem(creator.Utf8("idBytes"), signedProposal.ProposalBytes.Span, signature));
    }

    [Fact]
    public async Task Prepared_transaction_envelope_decodes_in_node_and_its_signature_verifies()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var proposal = fixture.Contract.NewProposal("CreatePerson", ProposalOptions.FromArguments("p-2"));
        var transaction = await proposal.EndorseAsync(TestContext.Current.CancellationToken);
        transaction.Sign();
        var nested = new Dictionary<string, string>
        {
            ["envelope.payload"] = "common.Payload",
            ["envelope.payload.header.channelHeader"] = "common.ChannelHeader",
            ["envelope.payload.header.signatureHeader"] = "common.SignatureHeader",
            ["envelope.payload.data"] = "protos.Transaction",
            ["envelope.payload.data.actionsList.0.header"] = "common.SignatureHeader",
            ["envelope.payload.data.actionsList.0.payload"] = "protos.ChaincodeActionPayload",
            ["envelope.payload.data.actionsList.0.payload.action.proposalResponsePayload"] = "protos.ProposalResponsePayload",
            ["envelope.payload.data.actionsList.0.payload.action.proposalResponsePayload.extension"] = "protos.ChaincodeAction",
        };

        // Act
        var node = await DecodeAsync("gateway.PreparedTransaction", transaction.Bytes, nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(proposal.TransactionId, node.Str("transactionId"));
        Assert.Equal(proposal.TransactionId, node.Str("envelope.payload.header.channelHeader.txId"));
        Assert.Equal(3, node.Long("envelope.payload.header.channelHeader.type"));
        var action = node.At("envelope.payload.data.actionsList.0");
        Assert.Equal(node.Str("envelope.payload.header.signatureHeader.nonce"), action.Str("header.nonce"));
        Assert.Equal("CreatePerson(p-2)", action.Utf8("payload.action.proposalResponsePayload.extension.response.payload"));
        Assert.Equal(transaction.Result, action.Bytes("payload.action.proposalResponsePayload.extension.response.payload"));

        var envelope = PreparedTransaction.Parser.ParseFrom(transaction.Bytes).Envelope;
        var signature = node.Bytes("envelope.signature");
        Assert.Equal(envelope.Signature.ToByteArray(), signature);
        Assert.True(SignatureChecks.Verify(fixture.Identities.Client.Serialized.ToArray().AsByteString(), envelope.Payload.Span, signature));
    }

    [Fact]
    public async Task Commit_status_request_decodes_in_node_and_its_signature_verifies()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var submitted = await (await fixture.Contract.NewProposal("CreatePerson").EndorseAsync(ct)).SubmitAsync(ct);
        submitted.Sign();
        var nested = new Dictionary<string, string>
        {
            ["request"] = "gateway.CommitStatusRequest",
            ["request.identity"] = "msp.SerializedIdentity",
        };

        // Act
        var node = await DecodeAsync("gateway.SignedCommitStatusRequest", submitted.Bytes, nested, ct);

        // Assert
        Assert.Equal(submitted.TransactionId, node.Str("request.transactionId"));
        Assert.Equal(GatewayFixture.Channel, node.Str("request.channelId"));
        Assert.Equal(ClientIdentities.MspId, node.Str("request.identity.mspid"));
        var signed = SignedCommitStatusRequest.Parser.ParseFrom(submitted.Bytes);
        Assert.True(SignatureChecks.VerifyWithPem(node.Utf8("request.identity.idBytes"), signed.Request.Span, node.Bytes("signature")));
    }

    [Fact]
    public async Task Chaincode_events_request_decodes_in_node_with_the_checkpoint_position()
    {
        // Arrange
        await using var fixture = await GatewayFixture.StartAsync();
        var checkpointer = Checkpointers.InMemory();
        await checkpointer.CheckpointTransactionAsync(41, "tx-41", TestContext.Current.CancellationToken);
        var request = fixture.Gateway.GetNetwork(GatewayFixture.Channel)
            .NewChaincodeEventsRequest(GatewayFixture.Chaincode, new ChaincodeEventsOptions { Checkpoint = checkpointer });
        var signed = fixture.Gateway.NewSignedChaincodeEventsRequest(request.Bytes, fixture.Identities.Client.Sign(request.Digest));

        // Act
        var node = await DecodeAsync(
            "gateway.SignedChaincodeEventsRequest",
            signed.Bytes,
            new Dictionary<string, string> { ["request"] = "gateway.ChaincodeEventsRequest", ["request.identity"] = "msp.SerializedIdentity" },
            TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(GatewayFixture.Channel, node.Str("request.channelId"));
        Assert.Equal(GatewayFixture.Chaincode, node.Str("request.chaincodeId"));
        Assert.Equal(41, node.Long("request.startPosition.specified.number"));
        Assert.Equal("tx-41", node.Str("request.afterTransactionId"));
        var raw = SignedChaincodeEventsRequest.Parser.ParseFrom(signed.Bytes);
        Assert.True(SignatureChecks.VerifyWithPem(node.Utf8("request.identity.idBytes"), raw.Request.Span, node.Bytes("signature")));
    }
}
