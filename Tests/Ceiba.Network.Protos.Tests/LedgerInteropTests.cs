using Ceiba.Testing;
using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Ledger.KvRwset;
using Ceiba.Network.Protos.Ledger.QueryResult;
using Ceiba.Network.Protos.Ledger.Rwset;
using Ceiba.Network.Protos.Tests.Support;
using Google.Protobuf;
using static Ceiba.Testing.NodeProtos;

namespace Ceiba.Network.Protos.Tests;

/// <summary>Read-write sets with range queries, metadata and private-data hashes, and query results, in both directions.</summary>
public sealed class LedgerInteropTests
{
    private static readonly byte[] KeyHash = System.Security.Cryptography.SHA256.HashData("person~42"u8);

    private static KVRWSet FullKvRwset() => new()
    {
        Reads = { new KVRead { Key = "person~42", Version = new Ledger.KvRwset.Version { BlockNum = 12, TxNum = 3 } } },
        RangeQueriesInfo =
        {
            new RangeQueryInfo
            {
                StartKey = "person~40",
                EndKey = "person~50",
                ItrExhausted = true,
                RawReads = new QueryReads { KvReads = { new KVRead { Key = "person~42", Version = new() { BlockNum = 12, TxNum = 3 } } } },
            },
            new RangeQueryInfo
            {
                StartKey = "note~",
                EndKey = "note~\u007f",
                ReadsMerkleHashes = new QueryReadsMerkleSummary { MaxDegree = 50, MaxLevel = 2, MaxLevelHashes = { ByteString.CopyFrom(KeyHash) } },
            },
        },
        Writes = { new KVWrite { Key = "person~42", Value = ByteString.CopyFromUtf8(Samples.PersonJson) } },
        MetadataWrites = { new KVMetadataWrite { Key = "person~42", Entries = { new KVMetadataEntry { Name = "VALIDATION_PARAMETER", Value = ByteString.CopyFromUtf8("policy") } } } },
    };

    private static TxReadWriteSet WithPrivateHashes() => new()
    {
        NsRwset =
        {
            new NsReadWriteSet
            {
                Namespace = Samples.Chaincode,
                Rwset = FullKvRwset().ToByteString(),
                CollectionHashedRwset =
                {
                    new CollectionHashedReadWriteSet
                    {
                        CollectionName = "HabanaPrivate",
                        HashedRwset = new HashedRWSet
                        {
                            HashedReads = { new KVReadHash { KeyHash = ByteString.CopyFrom(KeyHash), Version = new() { BlockNum = 4 } } },
                            HashedWrites = { new KVWriteHash { KeyHash = ByteString.CopyFrom(KeyHash), ValueHash = ByteString.CopyFrom(KeyHash), IsPurge = true } },
                        }.ToByteString(),
                        PvtRwsetHash = ByteString.CopyFrom(KeyHash),
                    },
                },
            },
        },
    };

    [Fact]
    public async Task Read_write_set_from_csharp_decodes_in_node_with_ranges_metadata_and_hashes()
    {
        // Arrange
        var nested = new Dictionary<string, string>
        {
            ["nsRwsetList.*.rwset"] = "kvrwset.KVRWSet",
            ["nsRwsetList.*.collectionHashedRwsetList.*.hashedRwset"] = "kvrwset.HashedRWSet",
        };

        // Act
        var node = await DecodeAsync("rwset.TxReadWriteSet", WithPrivateHashes().ToByteArray(), nested, TestContext.Current.CancellationToken);

        // Assert
        var kv = node.At("nsRwsetList.0.rwset");
        Assert.Equal(12, kv.Long("readsList.0.version.blockNum"));
        Assert.Equal(3, kv.Long("readsList.0.version.txNum"));
        Assert.Equal("person~40", kv.Str("rangeQueriesInfoList.0.startKey"));
        Assert.Equal("person~50", kv.Str("rangeQueriesInfoList.0.endKey"));
        Assert.True(kv.Bool("rangeQueriesInfoList.0.itrExhausted"));
        Assert.Equal("person~42", kv.Str("rangeQueriesInfoList.0.rawReads.kvReadsList.0.key"));
        Assert.Null(kv.At("rangeQueriesInfoList.0")["readsMerkleHashes"]);
        Assert.Equal(50, kv.Long("rangeQueriesInfoList.1.readsMerkleHashes.maxDegree"));
        Assert.Equal(2, kv.Long("rangeQueriesInfoList.1.readsMerkleHashes.maxLevel"));
        Assert.Equal(KeyHash, kv.Bytes("rangeQueriesInfoList.1.readsMerkleHashes.maxLevelHashesList.0"));
        Assert.Equal("VALIDATION_PARAMETER", kv.Str("metadataWritesList.0.entriesList.0.name"));
        Assert.Equal("policy", kv.Utf8("metadataWritesList.0.entriesList.0.value"));
        var hashed = node.At("nsRwsetList.0.collectionHashedRwsetList.0");
        Assert.Equal("HabanaPrivate", hashed.Str("collectionName"));
        Assert.Equal(KeyHash, hashed.Bytes("pvtRwsetHash"));
        Assert.Equal(KeyHash, hashed.Bytes("hashedRwset.hashedReadsList.0.keyHash"));
        Assert.Equal(4, hashed.Long("hashedRwset.hashedReadsList.0.version.blockNum"));
        Assert.True(hashed.Bool("hashedRwset.hashedWritesList.0.isPurge"));
        Assert.False(hashed.Bool("hashedRwset.hashedWritesList.0.isDelete"));
    }

    [Fact]
    public async Task Read_write_set_built_in_node_matches_csharp_bytes()
    {
        // Arrange
        var fields = Describe(WithPrivateHashes());
        // Let Node build the nested KVRWSet and HashedRWSet itself rather than copying our bytes.
        var ns = fields["nsRwsetList"]![0]!["fields"]!.AsObject();
        ns["rwset"] = Marshaled("kvrwset.KVRWSet", Describe(FullKvRwset()));
        var collection = ns["collectionHashedRwsetList"]![0]!["fields"]!.AsObject();
        collection["hashedRwset"] = Marshaled("kvrwset.HashedRWSet", Describe(HashedRWSet.Parser.ParseFrom(WithPrivateHashes().NsRwset[0].CollectionHashedRwset[0].HashedRwset)));

        // Act
        var nodeBytes = await EncodeAsync("rwset.TxReadWriteSet", fields, TestContext.Current.CancellationToken);
        var parsed = TxReadWriteSet.Parser.ParseFrom(nodeBytes);

        // Assert
        Assert.Equal(WithPrivateHashes().ToByteArray(), nodeBytes);
        var kv = KVRWSet.Parser.ParseFrom(parsed.NsRwset[0].Rwset);
        Assert.Equal(RangeQueryInfo.ReadsInfoOneofCase.RawReads, kv.RangeQueriesInfo[0].ReadsInfoCase);
        Assert.Equal(RangeQueryInfo.ReadsInfoOneofCase.ReadsMerkleHashes, kv.RangeQueriesInfo[1].ReadsInfoCase);
        Assert.True(HashedRWSet.Parser.ParseFrom(parsed.NsRwset[0].CollectionHashedRwset[0].HashedRwset).HashedWrites[0].IsPurge);
    }

    [Fact]
    public async Task Query_results_built_in_node_parse_in_csharp()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;

        // Act
        var kv = KV.Parser.ParseFrom(await EncodeAsync("queryresult.KV", new JsonObject
        {
            ["namespace"] = Samples.Chaincode,
            ["key"] = "person~42",
            ["value"] = Utf8(Samples.PersonJson),
        }, ct));
        var modification = KeyModification.Parser.ParseFrom(await EncodeAsync("queryresult.KeyModification", new JsonObject
        {
            ["txId"] = "tx-9",
            ["timestamp"] = Message("google.protobuf.Timestamp", new JsonObject { ["seconds"] = Samples.Time.Seconds, ["nanos"] = Samples.Time.Nanos }),
            ["isDelete"] = true,
        }, ct));

        // Assert
        Assert.Equal(Samples.Chaincode, kv.Namespace);
        Assert.Equal("person~42", kv.Key);
        Assert.Equal(Samples.PersonJson, kv.Value.ToStringUtf8());
        Assert.Equal("tx-9", modification.TxId);
        Assert.Equal(Samples.Time, modification.Timestamp);
        Assert.True(modification.IsDelete);
        Assert.True(modification.Value.IsEmpty);
    }
}
