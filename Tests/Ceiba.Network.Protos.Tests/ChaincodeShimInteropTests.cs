using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Ledger.QueryResult;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Protos.Tests.Support;
using Ceiba.Testing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Network.Protos.Tests;

/// <summary>Every ChaincodeMessage the shim and the peer exchange, with its typed payload, in both directions.</summary>
public sealed class ChaincodeShimInteropTests : IDisposable
{
    private const string PackageId = "omop_1.0:5d1f0c6d3bd1cbc7e2b8a9b6e2f4a9d0e7c1b1a3c5d7e9f1a3b5c7d9e1f3a5b7";
    private static readonly Timestamp Time = Samples.Time;
    private static readonly ByteString KeyPolicy = new SignaturePolicyEnvelope { Rule = new SignaturePolicy { SignedBy = 0 } }.ToByteString();

    private static readonly Dictionary<string, ShimCase> Cases = new[]
    {
        new ShimCase("register", MessageType.Register, _ => new ChaincodeID { Name = PackageId }, "protos.ChaincodeID",
            p => Assert.Equal(PackageId, p.Str("name")), Transactional: false),
        new ShimCase("registered", MessageType.Registered, _ => null, null, null, Transactional: false),
        new ShimCase("ready", MessageType.Ready, _ => null, null, null, Transactional: false),
        new ShimCase("keepalive", MessageType.Keepalive, _ => null, null, null, Transactional: false),
        new ShimCase("init", MessageType.Init, _ => new ChaincodeInput { Args = { ByteString.CopyFromUtf8("InitLedger") }, IsInit = true }, "protos.ChaincodeInput", p =>
        {
            Assert.Equal("InitLedger", p.Utf8("argsList.0"));
            Assert.True(p.Bool("isInit"));
        }),
        new ShimCase("transaction", MessageType.Transaction, _ => new ChaincodeInput
        {
            Args = { ByteString.CopyFromUtf8(Samples.Function), ByteString.CopyFromUtf8(Samples.PersonJson) },
            Decorations = { ["trace"] = ByteString.CopyFromUtf8("00-abc-01") },
        }, "protos.ChaincodeInput", p =>
        {
            Assert.Equal(Samples.Function, p.Utf8("argsList.0"));
            Assert.Equal(Samples.PersonJson, p.Utf8("argsList.1"));
            Assert.Equal("00-abc-01", p.Utf8("decorationsMap.trace"));
            Assert.False(p.Bool("isInit"));
        }),
        new ShimCase("get-state", MessageType.GetState, _ => new GetState { Key = "person~42" }, "protos.GetState", p =>
        {
            Assert.Equal("person~42", p.Str("key"));
            Assert.Equal("", p.Str("collection"));
        }),
        new ShimCase("get-private-data-hash", MessageType.GetPrivateDataHash, _ => new GetState { Key = "person~42", Collection = "HabanaPrivate" }, "protos.GetState",
            p => Assert.Equal("HabanaPrivate", p.Str("collection"))),
        new ShimCase("put-state", MessageType.PutState, _ => new PutState { Key = "person~42", Value = ByteString.CopyFromUtf8(Samples.PersonJson), Collection = "HabanaPrivate" }, "protos.PutState", p =>
        {
            Assert.Equal("person~42", p.Str("key"));
            Assert.Equal(Samples.PersonJson, p.Utf8("value"));
            Assert.Equal("HabanaPrivate", p.Str("collection"));
        }),
        new ShimCase("del-state", MessageType.DelState, _ => new DelState { Key = "staging~42" }, "protos.DelState",
            p => Assert.Equal("staging~42", p.Str("key"))),
        new ShimCase("purge-private-data", MessageType.PurgePrivateData, _ => new PurgePrivateState { Key = "person~42", Collection = "HabanaPrivate" }, "protos.PurgePrivateState", p =>
        {
            Assert.Equal("person~42", p.Str("key"));
            Assert.Equal("HabanaPrivate", p.Str("collection"));
        }),
        new ShimCase("get-state-by-range", MessageType.GetStateByRange, _ => new GetStateByRange
        {
            StartKey = "\u0000person\u000042\u0000",
            EndKey = "\u0000person\u000042\u0000\U0010FFFF",
            Metadata = new QueryMetadata { PageSize = 100, Bookmark = "person~40" }.ToByteString(),
        }, "protos.GetStateByRange", p =>
        {
            Assert.Equal("\u0000person\u000042\u0000", p.Str("startkey"));
            Assert.Equal("\u0000person\u000042\u0000\U0010FFFF", p.Str("endkey"));
            Assert.Equal(100, p.Long("metadata.pagesize"));
            Assert.Equal("person~40", p.Str("metadata.bookmark"));
        }, Nested: new() { ["metadata"] = "protos.QueryMetadata" }),
        new ShimCase("get-query-result", MessageType.GetQueryResult, _ => new GetQueryResult
        {
            Query = """{"selector":{"docType":"person"}}""",
            Metadata = new QueryMetadata { PageSize = 25 }.ToByteString(),
        }, "protos.GetQueryResult", p =>
        {
            Assert.Equal("""{"selector":{"docType":"person"}}""", p.Str("query"));
            Assert.Equal(25, p.Long("metadata.pagesize"));
        }, Nested: new() { ["metadata"] = "protos.QueryMetadata" }),
        new ShimCase("query-state-next", MessageType.QueryStateNext, _ => new QueryStateNext { Id = "iterator-1" }, "protos.QueryStateNext",
            p => Assert.Equal("iterator-1", p.Str("id"))),
        new ShimCase("query-state-close", MessageType.QueryStateClose, _ => new QueryStateClose { Id = "iterator-1" }, "protos.QueryStateClose",
            p => Assert.Equal("iterator-1", p.Str("id"))),
        new ShimCase("get-history-for-key", MessageType.GetHistoryForKey, _ => new GetHistoryForKey { Key = "person~42" }, "protos.GetHistoryForKey",
            p => Assert.Equal("person~42", p.Str("key"))),
        new ShimCase("get-state-metadata", MessageType.GetStateMetadata, _ => new GetStateMetadata { Key = "person~42", Collection = "HabanaPrivate" }, "protos.GetStateMetadata", p =>
        {
            Assert.Equal("person~42", p.Str("key"));
            Assert.Equal("HabanaPrivate", p.Str("collection"));
        }),
        new ShimCase("put-state-metadata", MessageType.PutStateMetadata, _ => new PutStateMetadata
        {
            Key = "person~42",
            Metadata = new StateMetadata { Metakey = "VALIDATION_PARAMETER", Value = KeyPolicy },
        }, "protos.PutStateMetadata", p =>
        {
            Assert.Equal("person~42", p.Str("key"));
            Assert.Equal("VALIDATION_PARAMETER", p.Str("metadata.metakey"));
            Assert.Equal(0, p.Long("metadata.value.rule.signedBy"));
        }, Nested: new() { ["metadata.value"] = "common.SignaturePolicyEnvelope" }),
        new ShimCase("invoke-chaincode", MessageType.InvokeChaincode, _ => new ChaincodeSpec
        {
            ChaincodeId = new ChaincodeID { Name = "registry" },
            Input = new ChaincodeInput { Args = { ByteString.CopyFromUtf8("Lookup"), ByteString.CopyFromUtf8("42") } },
        }, "protos.ChaincodeSpec", p =>
        {
            Assert.Equal("registry", p.Str("chaincodeId.name"));
            Assert.Equal("Lookup", p.Utf8("input.argsList.0"));
        }),
        new ShimCase("response-range", MessageType.Response, _ => new QueryResponse
        {
            Results =
            {
                new QueryResultBytes { ResultBytes = new KV { Namespace = Samples.Chaincode, Key = "person~42", Value = ByteString.CopyFromUtf8(Samples.PersonJson) }.ToByteString() },
                new QueryResultBytes { ResultBytes = new KV { Namespace = Samples.Chaincode, Key = "person~43", Value = ByteString.CopyFromUtf8("{}") }.ToByteString() },
            },
            HasMore = true,
            Id = "iterator-1",
            Metadata = new QueryResponseMetadata { FetchedRecordsCount = 2, Bookmark = "person~43" }.ToByteString(),
        }, "protos.QueryResponse", p =>
        {
            Assert.Equal(2, p.Count("resultsList"));
            Assert.Equal(Samples.Chaincode, p.Str("resultsList.0.resultbytes.namespace"));
            Assert.Equal("person~42", p.Str("resultsList.0.resultbytes.key"));
            Assert.Equal(Samples.PersonJson, p.Utf8("resultsList.0.resultbytes.value"));
            Assert.Equal("person~43", p.Str("resultsList.1.resultbytes.key"));
            Assert.True(p.Bool("hasMore"));
            Assert.Equal("iterator-1", p.Str("id"));
            Assert.Equal(2, p.Long("metadata.fetchedRecordsCount"));
            Assert.Equal("person~43", p.Str("metadata.bookmark"));
        }, Nested: new() { ["resultsList.*.resultbytes"] = "queryresult.KV", ["metadata"] = "protos.QueryResponseMetadata" }),
        new ShimCase("response-history", MessageType.Response, _ => new QueryResponse
        {
            Results =
            {
                new QueryResultBytes { ResultBytes = new KeyModification { TxId = "tx-1", Value = ByteString.CopyFromUtf8(Samples.PersonJson), Timestamp = Time }.ToByteString() },
                new QueryResultBytes { ResultBytes = new KeyModification { TxId = "tx-2", Timestamp = Time, IsDelete = true }.ToByteString() },
            },
            Id = "history-1",
        }, "protos.QueryResponse", p =>
        {
            Assert.Equal("tx-1", p.Str("resultsList.0.resultbytes.txId"));
            Assert.Equal(Samples.PersonJson, p.Utf8("resultsList.0.resultbytes.value"));
            Assert.Equal(Time.Seconds, p.Long("resultsList.0.resultbytes.timestamp.seconds"));
            Assert.False(p.Bool("resultsList.0.resultbytes.isDelete"));
            Assert.True(p.Bool("resultsList.1.resultbytes.isDelete"));
            Assert.False(p.Bool("hasMore"));
        }, Nested: new() { ["resultsList.*.resultbytes"] = "queryresult.KeyModification" }),
        new ShimCase("response-state-metadata", MessageType.Response, _ => new StateMetadataResult
        {
            Entries = { new StateMetadata { Metakey = "VALIDATION_PARAMETER", Value = KeyPolicy } },
        }, "protos.StateMetadataResult", p =>
        {
            Assert.Equal("VALIDATION_PARAMETER", p.Str("entriesList.0.metakey"));
            Assert.Equal(KeyPolicy.ToByteArray(), p.Bytes("entriesList.0.value"));
        }),
        new ShimCase("completed", MessageType.Completed, _ => new Response { Status = 200, Payload = ByteString.CopyFromUtf8("42") }, "protos.Response", p =>
        {
            Assert.Equal(200, p.Long("status"));
            Assert.Equal("42", p.Utf8("payload"));
        }),
        new ShimCase("error", MessageType.Error, _ => new BytesValue { Value = ByteString.CopyFromUtf8("person 42 already exists") }, null,
            p => Assert.Equal("person 42 already exists", p.Utf8("payload"))),
    }.ToDictionary(c => c.Name);

    private readonly Samples _samples = new();

    public static TheoryData<string> CaseNames => new(Cases.Keys.ToArray());

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Shim_message_from_csharp_decodes_in_node(string name)
    {
        // Arrange
        var shimCase = Cases[name];
        var message = shimCase.Build(_samples);
        var nested = new Dictionary<string, string>();
        if (shimCase.PayloadType is not null)
        {
            nested["payload"] = shimCase.PayloadType;
            foreach (var (path, type) in shimCase.Nested ?? [])
            {
                nested[$"payload.{path}"] = type;
            }
        }
        if (message.Proposal is not null)
        {
            nested["proposal.proposalBytes"] = "protos.Proposal";
            nested["proposal.proposalBytes.header"] = "common.Header";
            nested["proposal.proposalBytes.header.channelHeader"] = "common.ChannelHeader";
        }

        // Act
        var node = await NodeProtos.DecodeAsync("protos.ChaincodeMessage", message.ToByteArray(), nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((int)shimCase.Type, node.Long("type"));
        Assert.Equal(Time.Seconds, node.Long("timestamp.seconds"));
        Assert.Equal(shimCase.Transactional ? _samples.TxId : "", node.Str("txid"));
        Assert.Equal(shimCase.Transactional ? Samples.Channel : "", node.Str("channelId"));
        if (message.Proposal is not null)
        {
            Assert.Equal(_samples.TxId, node.Str("proposal.proposalBytes.header.channelHeader.txId"));
        }
        if (message.ChaincodeEvent is not null)
        {
            Assert.Equal("PersonCreated", node.Str("chaincodeEvent.eventName"));
            Assert.Equal("42", node.Utf8("chaincodeEvent.payload"));
        }
        shimCase.AssertPayload?.Invoke(shimCase.PayloadType is null ? node : node.At("payload"));
        if (shimCase.AssertPayload is null)
        {
            Assert.Equal("", node.Str("payload"));
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Shim_message_built_in_node_parses_identically_in_csharp(string name)
    {
        // Arrange
        var shimCase = Cases[name];
        var expected = shimCase.Build(_samples);
        var fields = NodeProtos.Describe(expected);
        if (shimCase.PayloadType is not null)
        {
            // Node builds the payload message itself from its fields, not from our bytes.
            var payload = shimCase.Payload(_samples)!;
            fields["payload"] = NodeProtos.Marshaled(shimCase.PayloadType, NodeProtos.Describe(payload));
        }

        // Act
        var nodeBytes = await NodeProtos.EncodeAsync("protos.ChaincodeMessage", fields, TestContext.Current.CancellationToken);
        var parsed = ChaincodeMessage.Parser.ParseFrom(nodeBytes);

        // Assert
        Assert.Equal(expected, parsed);
        Assert.Equal(expected.ToByteArray(), nodeBytes);
        Assert.Equal(shimCase.Type, parsed.Type);
    }

    public void Dispose() => _samples.Dispose();

    private sealed record ShimCase(
        string Name,
        MessageType Type,
        Func<Samples, IMessage?> Payload,
        string? PayloadType,
        Action<JsonNode>? AssertPayload,
        bool Transactional = true,
        Dictionary<string, string>? Nested = null)
    {
        public ChaincodeMessage Build(Samples samples)
        {
            var payload = Payload(samples);
            var message = new ChaincodeMessage
            {
                Type = Type,
                Timestamp = Time,
                // ERROR carries plain text, not a message.
                Payload = payload switch
                {
                    null => ByteString.Empty,
                    BytesValue text => text.Value,
                    _ => payload.ToByteString(),
                },
            };
            if (Transactional)
            {
                message.Txid = samples.TxId;
                message.ChannelId = Samples.Channel;
            }
            if (Type is MessageType.Init or MessageType.Transaction)
            {
                message.Proposal = samples.SignedProposal;
            }
            if (Type is MessageType.Completed)
            {
                message.ChaincodeEvent = new ChaincodeEvent { EventName = "PersonCreated", Payload = ByteString.CopyFromUtf8("42") };
            }
            return message;
        }
    }
}
