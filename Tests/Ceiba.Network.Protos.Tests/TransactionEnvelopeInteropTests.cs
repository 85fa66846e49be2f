using Ceiba.Testing;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Protos.Tests.Support;
using Google.Protobuf;
using static Ceiba.Testing.NodeProtos;

namespace Ceiba.Network.Protos.Tests;

/// <summary>The endorsed transaction envelope sent for ordering, in both directions.</summary>
public sealed class TransactionEnvelopeInteropTests : IDisposable
{
    private readonly Samples _samples = new();

    [Fact]
    public async Task Transaction_envelope_from_csharp_decodes_in_node_with_the_fabric_nesting()
    {
        // Arrange
        var bytes = _samples.TransactionEnvelope().ToByteArray();
        const string action = "payload.data.actionsList.*";
        var nested = new Dictionary<string, string>
        {
            ["payload"] = "common.Payload",
            ["payload.header.channelHeader"] = "common.ChannelHeader",
            ["payload.header.signatureHeader"] = "common.SignatureHeader",
            ["payload.data"] = "protos.Transaction",
            [$"{action}.header"] = "common.SignatureHeader",
            [$"{action}.header.creator"] = "msp.SerializedIdentity",
            [$"{action}.payload"] = "protos.ChaincodeActionPayload",
            [$"{action}.payload.chaincodeProposalPayload"] = "protos.ChaincodeProposalPayload",
            [$"{action}.payload.chaincodeProposalPayload.input"] = "protos.ChaincodeInvocationSpec",
            [$"{action}.payload.action.proposalResponsePayload"] = "protos.ProposalResponsePayload",
            [$"{action}.payload.action.proposalResponsePayload.extension"] = "protos.ChaincodeAction",
            [$"{action}.payload.action.proposalResponsePayload.extension.results"] = "rwset.TxReadWriteSet",
            [$"{action}.payload.action.endorsementsList.*.endorser"] = "msp.SerializedIdentity",
        };

        // Act
        var node = await DecodeAsync("common.Envelope", bytes, nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(3, node.Long("payload.header.channelHeader.type"));
        Assert.Equal(_samples.TxId, node.Str("payload.header.channelHeader.txId"));
        Assert.Equal(_samples.Nonce, node.Bytes("payload.header.signatureHeader.nonce"));
        Assert.Equal(1, node.Count("payload.data.actionsList"));

        var txAction = node.At("payload.data.actionsList.0");
        Assert.Equal("HabanaMSP", txAction.Str("header.creator.mspid"));
        Assert.Equal(_samples.Nonce, txAction.Bytes("header.nonce"));
        var proposalPayload = txAction.At("payload.chaincodeProposalPayload");
        Assert.Equal(Samples.Function, proposalPayload.Utf8("input.chaincodeSpec.input.argsList.0"));
        Assert.Equal(0, proposalPayload.Count("transientmapMap")); // never in the transaction
        var endorsed = txAction.At("payload.action");
        Assert.Equal(_samples.ProposalHash, endorsed.Bytes("proposalResponsePayload.proposalHash"));
        Assert.Equal(Samples.Chaincode, endorsed.Str("proposalResponsePayload.extension.results.nsRwsetList.1.namespace"));
        Assert.Equal(2, endorsed.Count("endorsementsList"));
        Assert.Equal("HabanaMSP", endorsed.Str("endorsementsList.0.endorser.mspid"));
        Assert.Equal("SantiagoMSP", endorsed.Str("endorsementsList.1.endorser.mspid"));
        Assert.Equal(_samples.Endorse(_samples.OtherPeer).Signature.ToByteArray(), endorsed.Bytes("endorsementsList.1.signature"));
        Assert.Equal(_samples.TransactionEnvelope().Signature.ToByteArray(), node.Bytes("signature"));
    }

    [Fact]
    public async Task Transaction_envelope_built_in_node_validates_like_a_committing_peer_in_csharp()
    {
        // Arrange
        var expected = _samples.TransactionEnvelope();
        var endorsements = new JsonArray(
            [.. new[] { _samples.Peer, _samples.OtherPeer }.Select(peer => _samples.Endorse(peer)).Select(e => (JsonNode)Message("protos.Endorsement", new JsonObject
            {
                ["endorser"] = Bytes(e.Endorser.Span),
                ["signature"] = Bytes(e.Signature.Span),
            }))]);
        var fields = new JsonObject
        {
            ["payload"] = Marshaled("common.Payload", new JsonObject
            {
                ["header"] = Message("common.Header", new JsonObject
                {
                    ["channelHeader"] = Bytes(_samples.ChannelHeader.Span),
                    ["signatureHeader"] = Bytes(_samples.SignatureHeader.Span),
                }),
                ["data"] = Marshaled("protos.Transaction", new JsonObject
                {
                    ["actionsList"] = new JsonArray(Message("protos.TransactionAction", new JsonObject
                    {
                        ["header"] = Bytes(_samples.SignatureHeader.Span),
                        ["payload"] = Marshaled("protos.ChaincodeActionPayload", new JsonObject
                        {
                            ["chaincodeProposalPayload"] = Bytes(_samples.PayloadWithoutTransient.Span),
                            ["action"] = Message("protos.ChaincodeEndorsedAction", new JsonObject
                            {
                                ["proposalResponsePayload"] = Bytes(_samples.ProposalResponsePayload.Span),
                                ["endorsementsList"] = endorsements,
                            }),
                        }),
                    })),
                }),
            }),
            ["signature"] = Bytes(expected.Signature.Span),
        };

        // Act
        var nodeBytes = await EncodeAsync("common.Envelope", fields, TestContext.Current.CancellationToken);
        var envelope = Envelope.Parser.ParseFrom(nodeBytes);

        // Assert
        Assert.Equal(expected.ToByteArray(), nodeBytes);
        var payload = Payload.Parser.ParseFrom(envelope.Payload);
        var signatureHeader = SignatureHeader.Parser.ParseFrom(payload.Header.SignatureHeader);
        var creator = SerializedIdentity.Parser.ParseFrom(signatureHeader.Creator);
        Assert.True(TestIdentity.Verify(TestIdentity.Utf8(creator.IdBytes), envelope.Payload.Span, envelope.Signature.Span));

        var transaction = Transaction.Parser.ParseFrom(payload.Data);
        var txAction = Assert.Single(transaction.Actions);
        Assert.Equal(payload.Header.SignatureHeader, txAction.Header); // the SignatureHeader, not the whole Header
        var actionPayload = ChaincodeActionPayload.Parser.ParseFrom(txAction.Payload);
        var prp = ProposalResponsePayload.Parser.ParseFrom(actionPayload.Action.ProposalResponsePayload);
        byte[] hashed = [.. payload.Header.ChannelHeader.Span, .. txAction.Header.Span, .. actionPayload.ChaincodeProposalPayload.Span];
        Assert.Equal(SHA256.HashData(hashed), prp.ProposalHash.ToByteArray());
        Assert.Empty(ChaincodeProposalPayload.Parser.ParseFrom(actionPayload.ChaincodeProposalPayload).TransientMap);
        Assert.Equal(2, actionPayload.Action.Endorsements.Count);
        foreach (var endorsement in actionPayload.Action.Endorsements)
        {
            var endorser = SerializedIdentity.Parser.ParseFrom(endorsement.Endorser);
            byte[] signed = [.. actionPayload.Action.ProposalResponsePayload.Span, .. endorsement.Endorser.Span];
            Assert.True(TestIdentity.Verify(TestIdentity.Utf8(endorser.IdBytes), signed, endorsement.Signature.Span));
        }
        Assert.Equal(["HabanaMSP", "SantiagoMSP"], actionPayload.Action.Endorsements.Select(e => SerializedIdentity.Parser.ParseFrom(e.Endorser).Mspid));
    }

    public void Dispose() => _samples.Dispose();
}
