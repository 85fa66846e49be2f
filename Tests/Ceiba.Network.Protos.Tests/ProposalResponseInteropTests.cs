using Ceiba.Testing;
using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Ledger.Rwset;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Protos.Tests.Support;
using Google.Protobuf;
using static Ceiba.Testing.NodeProtos;

namespace Ceiba.Network.Protos.Tests;

/// <summary>An endorser's ProposalResponse down to the KV read-write set, in both directions.</summary>
public sealed class ProposalResponseInteropTests : IDisposable
{
    private readonly Samples _samples = new();

    [Fact]
    public async Task Proposal_response_from_csharp_decodes_down_to_kv_rwset_in_node()
    {
        // Arrange
        var bytes = _samples.ProposalResponse().ToByteArray();
        var nested = new Dictionary<string, string>
        {
            ["payload"] = "protos.ProposalResponsePayload",
            ["payload.extension"] = "protos.ChaincodeAction",
            ["payload.extension.results"] = "rwset.TxReadWriteSet",
            ["payload.extension.results.nsRwsetList.*.rwset"] = "kvrwset.KVRWSet",
            ["payload.extension.events"] = "protos.ChaincodeEvent",
            ["endorsement.endorser"] = "msp.SerializedIdentity",
        };

        // Act
        var node = await DecodeAsync("protos.ProposalResponse", bytes, nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, node.Long("version"));
        Assert.Equal(Samples.Time.Seconds, node.Long("timestamp.seconds"));
        Assert.Equal(200, node.Long("response.status"));
        Assert.Equal("OK", node.Str("response.message"));
        Assert.Equal("42", node.Utf8("response.payload"));
        Assert.Equal(_samples.ProposalHash, node.Bytes("payload.proposalHash"));

        var action = node.At("payload.extension");
        Assert.Equal(200, action.Long("response.status"));
        Assert.Equal(Samples.Chaincode, action.Str("chaincodeId.name"));
        Assert.Equal("1.0", action.Str("chaincodeId.version"));
        Assert.Equal("PersonCreated", action.Str("events.eventName"));
        Assert.Equal(_samples.TxId, action.Str("events.txId"));
        Assert.Equal(Samples.Chaincode, action.Str("events.chaincodeId"));
        Assert.Equal("42", action.Utf8("events.payload"));

        var rwset = action.At("results");
        Assert.Equal(0, rwset.Long("dataModel"));
        Assert.Equal(2, rwset.Count("nsRwsetList"));
        Assert.Equal("_lifecycle", rwset.Str("nsRwsetList.0.namespace"));
        Assert.Equal(3, rwset.Long("nsRwsetList.0.rwset.readsList.0.version.blockNum"));
        var kv = rwset.At("nsRwsetList.1.rwset");
        Assert.Equal(Samples.Chaincode, rwset.Str("nsRwsetList.1.namespace"));
        Assert.Equal("person~42", kv.Str("readsList.0.key"));
        Assert.Null(kv.At("readsList.0")["version"]); // absent key: no version
        Assert.Equal("sequence", kv.Str("readsList.1.key"));
        Assert.Equal(7, kv.Long("readsList.1.version.blockNum"));
        Assert.Equal(2, kv.Long("readsList.1.version.txNum"));
        Assert.Equal("person~42", kv.Str("writesList.0.key"));
        Assert.False(kv.Bool("writesList.0.isDelete"));
        Assert.Equal(Samples.PersonJson, kv.Utf8("writesList.0.value"));
        Assert.Equal("staging~42", kv.Str("writesList.1.key"));
        Assert.True(kv.Bool("writesList.1.isDelete"));

        Assert.Equal("HabanaMSP", node.Str("endorsement.endorser.mspid"));
        Assert.Equal(_samples.Peer.CertificatePem, node.Utf8("endorsement.endorser.idBytes"));
        Assert.Equal(Samples.Chaincode, node.Str("interest.chaincodesList.0.name"));
    }

    [Fact]
    public async Task Proposal_response_built_in_node_parses_and_verifies_in_csharp()
    {
        // Arrange
        var endorsement = _samples.Endorse(_samples.Peer);
        var fields = new JsonObject
        {
            ["version"] = 1,
            ["timestamp"] = Message("google.protobuf.Timestamp", new JsonObject { ["seconds"] = Samples.Time.Seconds, ["nanos"] = Samples.Time.Nanos }),
            ["response"] = Message("protos.Response", new JsonObject { ["status"] = 200, ["message"] = "OK", ["payload"] = Utf8("42") }),
            ["payload"] = Marshaled("protos.ProposalResponsePayload", new JsonObject
            {
                ["proposalHash"] = Bytes(_samples.ProposalHash),
                ["extension"] = Marshaled("protos.ChaincodeAction", new JsonObject
                {
                    ["results"] = Marshaled("rwset.TxReadWriteSet", new JsonObject
                    {
                        ["dataModel"] = 0,
                        ["nsRwsetList"] = new JsonArray(
                            Message("rwset.NsReadWriteSet", new JsonObject
                            {
                                ["namespace"] = "_lifecycle",
                                ["rwset"] = Marshaled("kvrwset.KVRWSet", new JsonObject
                                {
                                    ["readsList"] = new JsonArray(Message("kvrwset.KVRead", new JsonObject
                                    {
                                        ["key"] = "namespaces/fields/omop/Sequence",
                                        ["version"] = Message("kvrwset.Version", new JsonObject { ["blockNum"] = 3 }),
                                    })),
                                }),
                            }),
                            Message("rwset.NsReadWriteSet", new JsonObject
                            {
                                ["namespace"] = Samples.Chaincode,
                                ["rwset"] = Marshaled("kvrwset.KVRWSet", NodeOmopWrites()),
                            })),
                    }),
                    ["events"] = Marshaled("protos.ChaincodeEvent", new JsonObject
                    {
                        ["chaincodeId"] = Samples.Chaincode,
                        ["txId"] = _samples.TxId,
                        ["eventName"] = "PersonCreated",
                        ["payload"] = Utf8("42"),
                    }),
                    ["response"] = Message("protos.Response", new JsonObject { ["status"] = 200, ["payload"] = Utf8("42") }),
                    ["chaincodeId"] = Message("protos.ChaincodeID", new JsonObject { ["name"] = Samples.Chaincode, ["version"] = "1.0" }),
                }),
            }),
            ["endorsement"] = Message("protos.Endorsement", new JsonObject
            {
                ["endorser"] = Bytes(endorsement.Endorser.Span),
                ["signature"] = Bytes(endorsement.Signature.Span),
            }),
            ["interest"] = Message("protos.ChaincodeInterest", new JsonObject
            {
                ["chaincodesList"] = new JsonArray(Message("protos.ChaincodeCall", new JsonObject { ["name"] = Samples.Chaincode })),
            }),
        };

        // Act
        var nodeBytes = await EncodeAsync("protos.ProposalResponse", fields, TestContext.Current.CancellationToken);
        var response = ProposalResponse.Parser.ParseFrom(nodeBytes);

        // Assert
        Assert.Equal(_samples.ProposalResponse().ToByteArray(), nodeBytes);
        Assert.Equal(1, response.Version);
        Assert.Equal(Samples.Time, response.Timestamp);
        Assert.Equal(200, response.Response.Status);
        var prp = ProposalResponsePayload.Parser.ParseFrom(response.Payload);
        Assert.Equal(_samples.ProposalHash, prp.ProposalHash.ToByteArray());
        var action = ChaincodeAction.Parser.ParseFrom(prp.Extension);
        Assert.Equal("1.0", action.ChaincodeId.Version);
        Assert.Equal("PersonCreated", ChaincodeEvent.Parser.ParseFrom(action.Events).EventName);
        var rwset = TxReadWriteSet.Parser.ParseFrom(action.Results);
        Assert.Equal(["_lifecycle", Samples.Chaincode], rwset.NsRwset.Select(ns => ns.Namespace));
        var kv = KVRWSet.Parser.ParseFrom(rwset.NsRwset[1].Rwset);
        Assert.Null(kv.Reads[0].Version);
        Assert.Equal(7ul, kv.Reads[1].Version.BlockNum);
        Assert.Equal(2ul, kv.Reads[1].Version.TxNum);
        Assert.True(kv.Writes[1].IsDelete);
        Assert.Equal(Samples.PersonJson, kv.Writes[0].Value.ToStringUtf8());

        var endorser = SerializedIdentity.Parser.ParseFrom(response.Endorsement.Endorser);
        byte[] signed = [.. response.Payload.Span, .. response.Endorsement.Endorser.Span];
        Assert.True(TestIdentity.Verify(TestIdentity.Utf8(endorser.IdBytes), signed, response.Endorsement.Signature.Span));
    }

    /// <summary>The same KVRWSet as <see cref="Samples.OmopWrites"/>, described for encode.js.</summary>
    internal static JsonObject NodeOmopWrites() => new()
    {
        ["readsList"] = new JsonArray(
            Message("kvrwset.KVRead", new JsonObject { ["key"] = "person~42" }),
            Message("kvrwset.KVRead", new JsonObject
            {
                ["key"] = "sequence",
                ["version"] = Message("kvrwset.Version", new JsonObject { ["blockNum"] = 7, ["txNum"] = 2 }),
            })),
        ["writesList"] = new JsonArray(
            Message("kvrwset.KVWrite", new JsonObject { ["key"] = "person~42", ["value"] = Utf8(Samples.PersonJson) }),
            Message("kvrwset.KVWrite", new JsonObject { ["key"] = "staging~42", ["isDelete"] = true })),
    };

    public void Dispose() => _samples.Dispose();
}
