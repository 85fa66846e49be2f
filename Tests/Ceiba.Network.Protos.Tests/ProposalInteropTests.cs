using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Protos.Tests.Support;
using Ceiba.Testing;
using Google.Protobuf;
using static Ceiba.Testing.NodeProtos;

namespace Ceiba.Network.Protos.Tests;

/// <summary>A client's signed proposal, checked against the official Node bindings in both directions.</summary>
public sealed class ProposalInteropTests : IDisposable
{
    private readonly Samples _samples = new();

    [Fact]
    public async Task Signed_proposal_from_csharp_decodes_field_by_field_in_node()
    {
        // Arrange
        var bytes = _samples.SignedProposal.ToByteArray();
        var nested = new Dictionary<string, string>
        {
            ["proposalBytes"] = "protos.Proposal",
            ["proposalBytes.header"] = "common.Header",
            ["proposalBytes.header.channelHeader"] = "common.ChannelHeader",
            ["proposalBytes.header.channelHeader.extension"] = "protos.ChaincodeHeaderExtension",
            ["proposalBytes.header.signatureHeader"] = "common.SignatureHeader",
            ["proposalBytes.header.signatureHeader.creator"] = "msp.SerializedIdentity",
            ["proposalBytes.payload"] = "protos.ChaincodeProposalPayload",
            ["proposalBytes.payload.input"] = "protos.ChaincodeInvocationSpec",
        };

        // Act
        var node = await DecodeAsync("protos.SignedProposal", bytes, nested, TestContext.Current.CancellationToken);

        // Assert
        var channelHeader = node.At("proposalBytes.header.channelHeader");
        Assert.Equal((int)HeaderType.EndorserTransaction, channelHeader.Long("type"));
        Assert.Equal(0, channelHeader.Long("version"));
        Assert.Equal(Samples.Time.Seconds, channelHeader.Long("timestamp.seconds"));
        Assert.Equal(Samples.Time.Nanos, channelHeader.Long("timestamp.nanos"));
        Assert.Equal(Samples.Channel, channelHeader.Str("channelId"));
        Assert.Equal(_samples.TxId, channelHeader.Str("txId"));
        Assert.Equal(0, channelHeader.Long("epoch"));
        Assert.Equal(Samples.Chaincode, channelHeader.Str("extension.chaincodeId.name"));
        Assert.Equal("", channelHeader.Str("tlsCertHash"));

        var signatureHeader = node.At("proposalBytes.header.signatureHeader");
        Assert.Equal(_samples.Nonce, signatureHeader.Bytes("nonce"));
        Assert.Equal("HabanaMSP", signatureHeader.Str("creator.mspid"));
        Assert.Equal(_samples.Client.CertificatePem, signatureHeader.Utf8("creator.idBytes"));

        var payload = node.At("proposalBytes.payload");
        Assert.Equal((int)ChaincodeSpec.Types.Type.Node, payload.Long("input.chaincodeSpec.type"));
        Assert.Equal(Samples.Chaincode, payload.Str("input.chaincodeSpec.chaincodeId.name"));
        Assert.Equal(Samples.Function, payload.Utf8("input.chaincodeSpec.input.argsList.0"));
        Assert.Equal(Samples.PersonJson, payload.Utf8("input.chaincodeSpec.input.argsList.1"));
        Assert.Equal(2, payload.Count("input.chaincodeSpec.input.argsList"));
        Assert.Equal("private clinical note", payload.Utf8("transientmapMap.notes"));
        Assert.Equal("85010112345", payload.Utf8("transientmapMap.ssn"));
        Assert.Equal("", node.Str("proposalBytes.extension"));

        var signature = node.Bytes("signature");
        Assert.Equal(0x30, signature[0]); // DER SEQUENCE{r, s}
        Assert.Equal(_samples.SignedProposal.Signature.ToByteArray(), signature);
        // The certificate as Node read it verifies the signature over the proposal bytes.
        Assert.True(TestIdentity.Verify(signatureHeader.Utf8("creator.idBytes"), _samples.ProposalBytes.Span, signature));
    }

    [Fact]
    public async Task Proposal_built_in_node_is_byte_identical_and_verifies_in_csharp()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var proposalFields = new JsonObject
        {
            ["header"] = Marshaled("common.Header", new JsonObject
            {
                ["channelHeader"] = Marshaled("common.ChannelHeader", new JsonObject
                {
                    ["type"] = 3,
                    ["timestamp"] = Message("google.protobuf.Timestamp", new JsonObject { ["seconds"] = Samples.Time.Seconds, ["nanos"] = Samples.Time.Nanos }),
                    ["channelId"] = Samples.Channel,
                    ["txId"] = _samples.TxId,
                    ["extension"] = Marshaled("protos.ChaincodeHeaderExtension", new JsonObject
                    {
                        ["chaincodeId"] = Message("protos.ChaincodeID", new JsonObject { ["name"] = Samples.Chaincode }),
                    }),
                }),
                ["signatureHeader"] = Marshaled("common.SignatureHeader", new JsonObject
                {
                    ["creator"] = Marshaled("msp.SerializedIdentity", new JsonObject
                    {
                        ["mspid"] = "HabanaMSP",
                        ["idBytes"] = Utf8(_samples.Client.CertificatePem),
                    }),
                    ["nonce"] = Bytes(_samples.Nonce),
                }),
            }),
            ["payload"] = Marshaled("protos.ChaincodeProposalPayload", new JsonObject
            {
                ["input"] = Marshaled("protos.ChaincodeInvocationSpec", new JsonObject
                {
                    ["chaincodeSpec"] = Message("protos.ChaincodeSpec", new JsonObject
                    {
                        ["type"] = 2,
                        ["chaincodeId"] = Message("protos.ChaincodeID", new JsonObject { ["name"] = Samples.Chaincode }),
                        ["input"] = Message("protos.ChaincodeInput", new JsonObject
                        {
                            ["argsList"] = new JsonArray(Utf8(Samples.Function), Utf8(Samples.PersonJson)),
                        }),
                    }),
                }),
                ["transientmapMap"] = new JsonObject { ["ssn"] = Utf8("85010112345"), ["notes"] = Utf8("private clinical note") },
            }),
        };
        var nodeProposalBytes = await EncodeAsync("protos.Proposal", proposalFields, ct);
        var signature = _samples.Client.Sign(nodeProposalBytes);

        // Act
        var nodeSigned = await EncodeAsync("protos.SignedProposal", new JsonObject
        {
            ["proposalBytes"] = Bytes(nodeProposalBytes),
            ["signature"] = Bytes(signature),
        }, ct);
        var signed = SignedProposal.Parser.ParseFrom(nodeSigned);

        // Assert
        Assert.Equal(_samples.ProposalBytes.ToByteArray(), nodeProposalBytes);
        Assert.Equal(signature, signed.Signature.ToByteArray());
        var proposal = Proposal.Parser.ParseFrom(signed.ProposalBytes);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
        var signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
        var creator = SerializedIdentity.Parser.ParseFrom(signatureHeader.Creator);
        Assert.Equal(HeaderType.EndorserTransaction, (HeaderType)channelHeader.Type);
        Assert.Equal(Samples.Channel, channelHeader.ChannelId);
        Assert.Equal(Samples.Time, channelHeader.Timestamp);
        Assert.Equal(TestIdentity.TxId(signatureHeader.Nonce.Span, signatureHeader.Creator.Span), channelHeader.TxId);
        Assert.Equal(Samples.Chaincode, ChaincodeHeaderExtension.Parser.ParseFrom(channelHeader.Extension).ChaincodeId.Name);
        Assert.Equal("HabanaMSP", creator.Mspid);
        Assert.True(TestIdentity.Verify(TestIdentity.Utf8(creator.IdBytes), signed.ProposalBytes.Span, signed.Signature.Span));

        var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
        var spec = ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input).ChaincodeSpec;
        Assert.Equal(ChaincodeSpec.Types.Type.Node, spec.Type);
        Assert.Equal([Samples.Function, Samples.PersonJson], spec.Input.Args.Select(TestIdentity.Utf8));
        Assert.Equal("85010112345", payload.TransientMap["ssn"].ToStringUtf8());
        Assert.Equal("private clinical note", payload.TransientMap["notes"].ToStringUtf8());
    }

    public void Dispose() => _samples.Dispose();
}
