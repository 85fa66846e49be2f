using Ceiba.Testing;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Tests.Support;
using Google.Protobuf;
using EtcdRaftBlockMetadata = Ceiba.Network.Protos.Orderer.EtcdRaft.BlockMetadata;
using static Ceiba.Testing.NodeProtos;

namespace Ceiba.Network.Protos.Tests;

/// <summary>A committed block with all five metadata entries, in both directions.</summary>
public sealed class BlockInteropTests : IDisposable
{
    private static readonly byte[] PreviousHash = SHA256.HashData("block 6"u8);
    private static readonly byte[] TransactionsFilter = [0, 11]; // VALID, MVCC_READ_CONFLICT
    private static readonly byte[] CommitHash = SHA256.HashData("commit 7"u8);
    private static readonly byte[] OrdererNonce = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6];

    private readonly Samples _samples = new();
    private readonly TestIdentity _orderer = TestIdentity.Create("OrdererMSP", "orderer0");
    private readonly ByteString _secondEnvelope = new Envelope { Payload = ByteString.CopyFromUtf8("opaque"), Signature = ByteString.CopyFromUtf8("sig") }.ToByteString();
    private readonly Block _block;
    private readonly ByteString _ordererSignatureHeader;

    public BlockInteropTests()
    {
        var data = new BlockData { Data = { _samples.TransactionEnvelope().ToByteString(), _secondEnvelope } };
        var header = new BlockHeader
        {
            Number = 7,
            PreviousHash = ByteString.CopyFrom(PreviousHash),
            DataHash = ByteString.CopyFrom(SHA256.HashData([.. data.Data.SelectMany(d => d.ToByteArray())])),
        };
        var signatureValue = new OrdererBlockMetadata
        {
            LastConfig = new LastConfig { Index = 3 },
            ConsenterMetadata = new EtcdRaftBlockMetadata { ConsenterIds = { 1, 2, 3 }, NextConsenterId = 4, RaftIndex = 42 }.ToByteString(),
        }.ToByteString();
        _ordererSignatureHeader = new SignatureHeader { Creator = _orderer.Serialized, Nonce = ByteString.CopyFrom(OrdererNonce) }.ToByteString();
        var signature = _orderer.Sign([.. signatureValue.Span, .. _ordererSignatureHeader.Span, .. HeaderDer(header)]);

        _block = new Block
        {
            Header = header,
            Data = data,
            Metadata = new BlockMetadata
            {
                Metadata =
                {
                    new Metadata
                    {
                        Value = signatureValue,
                        Signatures = { new MetadataSignature { SignatureHeader = _ordererSignatureHeader, Signature = ByteString.CopyFrom(signature) } },
                    }.ToByteString(),
                    new Metadata { Value = new LastConfig { Index = 3 }.ToByteString() }.ToByteString(),
                    ByteString.CopyFrom(TransactionsFilter),
                    ByteString.Empty,
                    new Metadata { Value = ByteString.CopyFrom(CommitHash) }.ToByteString(),
                },
            },
        };
    }

    [Fact]
    public async Task Block_from_csharp_decodes_in_node_including_every_metadata_entry()
    {
        // Arrange
        var nested = new Dictionary<string, string>
        {
            ["data.dataList.*"] = "common.Envelope",
            ["data.dataList.0.payload"] = "common.Payload",
            ["data.dataList.0.payload.header.channelHeader"] = "common.ChannelHeader",
            ["metadata.metadataList.0"] = "common.Metadata",
            ["metadata.metadataList.0.value"] = "common.OrdererBlockMetadata",
            ["metadata.metadataList.0.value.consenterMetadata"] = "etcdraft.BlockMetadata",
            ["metadata.metadataList.0.signaturesList.*.signatureHeader"] = "common.SignatureHeader",
            ["metadata.metadataList.0.signaturesList.*.signatureHeader.creator"] = "msp.SerializedIdentity",
            ["metadata.metadataList.1"] = "common.Metadata",
            ["metadata.metadataList.1.value"] = "common.LastConfig",
            ["metadata.metadataList.4"] = "common.Metadata",
        };

        // Act
        var node = await DecodeAsync("common.Block", _block.ToByteArray(), nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(7, node.Long("header.number"));
        Assert.Equal(PreviousHash, node.Bytes("header.previousHash"));
        Assert.Equal(_block.Header.DataHash.ToByteArray(), node.Bytes("header.dataHash"));
        Assert.Equal(2, node.Count("data.dataList"));
        Assert.Equal(_samples.TxId, node.Str("data.dataList.0.payload.header.channelHeader.txId"));
        Assert.Equal("opaque", node.Utf8("data.dataList.1.payload"));

        Assert.Equal(5, node.Count("metadata.metadataList"));
        var signatures = node.At("metadata.metadataList.0");
        Assert.Equal(3, signatures.Long("value.lastConfig.index"));
        Assert.Equal([1L, 2L, 3L], signatures.At("value.consenterMetadata.consenterIdsList").AsArray().Select(n => n!.GetValue<long>()));
        Assert.Equal(4, signatures.Long("value.consenterMetadata.nextConsenterId"));
        Assert.Equal(42, signatures.Long("value.consenterMetadata.raftIndex"));
        Assert.Equal("OrdererMSP", signatures.Str("signaturesList.0.signatureHeader.creator.mspid"));
        Assert.Equal(OrdererNonce, signatures.Bytes("signaturesList.0.signatureHeader.nonce"));
        Assert.Equal(3, node.Long("metadata.metadataList.1.value.index"));
        Assert.Equal(TransactionsFilter, node.Bytes("metadata.metadataList.2")); // raw, not a Metadata
        Assert.Equal("", node.Str("metadata.metadataList.3"));
        Assert.Equal(CommitHash, node.Bytes("metadata.metadataList.4.value"));
    }

    [Fact]
    public async Task Block_built_in_node_is_byte_identical_and_its_orderer_signature_verifies_in_csharp()
    {
        // Arrange
        var signature = Metadata.Parser.ParseFrom(_block.Metadata.Metadata[0]).Signatures[0].Signature;
        var fields = new JsonObject
        {
            ["header"] = Message("common.BlockHeader", new JsonObject
            {
                ["number"] = 7,
                ["previousHash"] = Bytes(PreviousHash),
                ["dataHash"] = Bytes(_block.Header.DataHash.Span),
            }),
            ["data"] = Message("common.BlockData", new JsonObject
            {
                ["dataList"] = new JsonArray(Bytes(_samples.TransactionEnvelope().ToByteArray()), Bytes(_secondEnvelope.Span)),
            }),
            ["metadata"] = Message("common.BlockMetadata", new JsonObject
            {
                ["metadataList"] = new JsonArray(
                    Marshaled("common.Metadata", new JsonObject
                    {
                        ["value"] = Marshaled("common.OrdererBlockMetadata", new JsonObject
                        {
                            ["lastConfig"] = Message("common.LastConfig", new JsonObject { ["index"] = 3 }),
                            ["consenterMetadata"] = Marshaled("etcdraft.BlockMetadata", new JsonObject
                            {
                                ["consenterIdsList"] = new JsonArray(1, 2, 3),
                                ["nextConsenterId"] = 4,
                                ["raftIndex"] = 42,
                            }),
                        }),
                        ["signaturesList"] = new JsonArray(Message("common.MetadataSignature", new JsonObject
                        {
                            ["signatureHeader"] = Marshaled("common.SignatureHeader", new JsonObject
                            {
                                ["creator"] = Marshaled("msp.SerializedIdentity", new JsonObject
                                {
                                    ["mspid"] = "OrdererMSP",
                                    ["idBytes"] = Utf8(_orderer.CertificatePem),
                                }),
                                ["nonce"] = Bytes(OrdererNonce),
                            }),
                            ["signature"] = Bytes(signature.Span),
                        })),
                    }),
                    Marshaled("common.Metadata", new JsonObject
                    {
                        ["value"] = Marshaled("common.LastConfig", new JsonObject { ["index"] = 3 }),
                    }),
                    Bytes(TransactionsFilter),
                    Bytes([]),
                    Marshaled("common.Metadata", new JsonObject { ["value"] = Bytes(CommitHash) })),
            }),
        };

        // Act
        var nodeBytes = await EncodeAsync("common.Block", fields, TestContext.Current.CancellationToken);
        var block = Block.Parser.ParseFrom(nodeBytes);

        // Assert
        Assert.Equal(_block.ToByteArray(), nodeBytes);
        Assert.Equal(7ul, block.Header.Number);
        Assert.Equal(SHA256.HashData([.. block.Data.Data.SelectMany(d => d.ToByteArray())]), block.Header.DataHash.ToByteArray());
        Assert.Equal(5, block.Metadata.Metadata.Count);
        var signatures = Metadata.Parser.ParseFrom(block.Metadata.Metadata[(int)BlockMetadataIndex.Signatures]);
        var ordererMetadata = OrdererBlockMetadata.Parser.ParseFrom(signatures.Value);
        Assert.Equal(3ul, ordererMetadata.LastConfig.Index);
        Assert.Equal([1ul, 2ul, 3ul], EtcdRaftBlockMetadata.Parser.ParseFrom(ordererMetadata.ConsenterMetadata).ConsenterIds);
        var metadataSignature = Assert.Single(signatures.Signatures);
        var signer = SerializedIdentity.Parser.ParseFrom(SignatureHeader.Parser.ParseFrom(metadataSignature.SignatureHeader).Creator);
        Assert.Equal("OrdererMSP", signer.Mspid);
        byte[] signed = [.. signatures.Value.Span, .. metadataSignature.SignatureHeader.Span, .. HeaderDer(block.Header)];
        Assert.True(TestIdentity.Verify(TestIdentity.Utf8(signer.IdBytes), signed, metadataSignature.Signature.Span));
        Assert.Equal(3ul, LastConfig.Parser.ParseFrom(Metadata.Parser.ParseFrom(block.Metadata.Metadata[(int)BlockMetadataIndex.LastConfig]).Value).Index);
        Assert.Equal(TransactionsFilter, block.Metadata.Metadata[(int)BlockMetadataIndex.TransactionsFilter].ToByteArray());
        Assert.Equal(CommitHash, Metadata.Parser.ParseFrom(block.Metadata.Metadata[(int)BlockMetadataIndex.CommitHash]).Value.ToByteArray());
    }

    /// <summary>DER SEQUENCE{INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash}.</summary>
    private static byte[] HeaderDer(BlockHeader header)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(header.Number);
            writer.WriteOctetString(header.PreviousHash.Span);
            writer.WriteOctetString(header.DataHash.Span);
        }
        return writer.Encode();
    }

    public void Dispose()
    {
        _samples.Dispose();
        _orderer.Dispose();
    }
}
