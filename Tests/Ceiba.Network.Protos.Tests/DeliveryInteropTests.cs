using Ceiba.Testing;
using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Protos.Tests.Support;
using Google.Protobuf;
using static Ceiba.Testing.NodeProtos;
using OrdererDeliverResponse = Ceiba.Network.Protos.Orderer.DeliverResponse;
using PeerDeliverResponse = Ceiba.Network.Protos.Peer.DeliverResponse;

namespace Ceiba.Network.Protos.Tests;

/// <summary>Seek requests, Broadcast/Deliver responses and filtered blocks, in both directions.</summary>
public sealed class DeliveryInteropTests : IDisposable
{
    private readonly Samples _samples = new();

    [Fact]
    public async Task Seek_envelope_from_csharp_decodes_in_node()
    {
        // Arrange
        var seekInfo = new SeekInfo
        {
            Start = new SeekPosition { Specified = new SeekSpecified { Number = 5 } },
            Stop = new SeekPosition { Specified = new SeekSpecified { Number = ulong.MaxValue } },
            Behavior = SeekInfo.Types.SeekBehavior.FailIfNotReady,
            ErrorResponse = SeekInfo.Types.SeekErrorResponse.BestEffort,
            ContentType = SeekInfo.Types.SeekContentType.HeaderWithSig,
        };
        var payload = new Payload
        {
            Header = new Header
            {
                ChannelHeader = new ChannelHeader { Type = (int)HeaderType.DeliverSeekInfo, ChannelId = Samples.Channel, Timestamp = Samples.Time }.ToByteString(),
                SignatureHeader = _samples.SignatureHeader,
            },
            Data = seekInfo.ToByteString(),
        }.ToByteString();
        var envelope = new Envelope { Payload = payload, Signature = ByteString.CopyFrom(_samples.Client.Sign(payload.Span)) };
        var nested = new Dictionary<string, string>
        {
            ["payload"] = "common.Payload",
            ["payload.header.channelHeader"] = "common.ChannelHeader",
            ["payload.header.signatureHeader"] = "common.SignatureHeader",
            ["payload.data"] = "orderer.SeekInfo",
        };

        // Act
        var node = await DecodeAsync("common.Envelope", envelope.ToByteArray(), nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(5, node.Long("payload.header.channelHeader.type"));
        Assert.Equal(Samples.Channel, node.Str("payload.header.channelHeader.channelId"));
        Assert.Equal(0, node.Long("payload.header.channelHeader.epoch"));
        var seek = node.At("payload.data");
        Assert.Equal(5, seek.Long("start.specified.number"));
        // google-protobuf reads uint64 into a JS number: 2^64 - 1 arrives as 2^64.
        Assert.Equal((double)ulong.MaxValue, seek.At("stop.specified.number").GetValue<double>());
        Assert.Equal(1, seek.Long("behavior"));
        Assert.Equal(1, seek.Long("errorResponse"));
        Assert.Equal(1, seek.Long("contentType"));
        Assert.True(TestIdentity.Verify(_samples.Client.CertificatePem, payload.Span, node.Bytes("signature")));
    }

    [Fact]
    public async Task Seek_positions_built_in_node_parse_in_csharp()
    {
        // Arrange
        var fields = new JsonObject
        {
            ["start"] = Message("orderer.SeekPosition", new JsonObject { ["oldest"] = Message("orderer.SeekOldest", []) }),
            ["stop"] = Message("orderer.SeekPosition", new JsonObject { ["newest"] = Message("orderer.SeekNewest", []) }),
            ["behavior"] = 0,
        };
        var nextCommit = new JsonObject { ["start"] = Message("orderer.SeekPosition", new JsonObject { ["nextCommit"] = Message("orderer.SeekNextCommit", []) }) };
        var ct = TestContext.Current.CancellationToken;

        // Act
        var seek = SeekInfo.Parser.ParseFrom(await EncodeAsync("orderer.SeekInfo", fields, ct));
        var next = SeekInfo.Parser.ParseFrom(await EncodeAsync("orderer.SeekInfo", nextCommit, ct));

        // Assert
        Assert.Equal(SeekPosition.TypeOneofCase.Oldest, seek.Start.TypeCase);
        Assert.Equal(SeekPosition.TypeOneofCase.Newest, seek.Stop.TypeCase);
        Assert.Equal(SeekInfo.Types.SeekBehavior.BlockUntilReady, seek.Behavior);
        Assert.Equal(SeekInfo.Types.SeekContentType.Block, seek.ContentType);
        Assert.Equal(SeekPosition.TypeOneofCase.NextCommit, next.Start.TypeCase);
        Assert.Null(next.Stop);
    }

    [Fact]
    public async Task Broadcast_and_deliver_responses_from_csharp_decode_in_node()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var broadcast = new BroadcastResponse { Status = Status.RequestEntityTooLarge, Info = "message payload is 101 MB, max is 99 MB" };
        var status = new OrdererDeliverResponse { Status = Status.NotFound };
        var block = new OrdererDeliverResponse { Block = new Block { Header = new BlockHeader { Number = 9 } } };

        // Act
        var broadcastNode = await DecodeAsync("orderer.BroadcastResponse", broadcast.ToByteArray(), cancellationToken: ct);
        var statusNode = await DecodeAsync("orderer.DeliverResponse", status.ToByteArray(), cancellationToken: ct);
        var blockNode = await DecodeAsync("orderer.DeliverResponse", block.ToByteArray(), cancellationToken: ct);

        // Assert
        Assert.Equal(413, broadcastNode.Long("status"));
        Assert.Equal("message payload is 101 MB, max is 99 MB", broadcastNode.Str("info"));
        Assert.Equal(404, statusNode.Long("status"));
        Assert.Null(statusNode["block"]);
        Assert.Equal(9, blockNode.Long("block.header.number"));
        Assert.Null(blockNode["status"]);
    }

    [Fact]
    public async Task Broadcast_response_built_in_node_parses_in_csharp()
    {
        // Act
        var bytes = await EncodeAsync("orderer.BroadcastResponse", new JsonObject { ["status"] = 503, ["info"] = "no Raft leader" }, TestContext.Current.CancellationToken);
        var response = BroadcastResponse.Parser.ParseFrom(bytes);

        // Assert
        Assert.Equal(Status.ServiceUnavailable, response.Status);
        Assert.Equal("no Raft leader", response.Info);
    }

    [Fact]
    public async Task Filtered_block_from_csharp_decodes_in_node()
    {
        // Arrange
        var response = new PeerDeliverResponse
        {
            FilteredBlock = new FilteredBlock
            {
                ChannelId = Samples.Channel,
                Number = 12,
                FilteredTransactions =
                {
                    new FilteredTransaction
                    {
                        Txid = _samples.TxId,
                        Type = HeaderType.EndorserTransaction,
                        TxValidationCode = TxValidationCode.Valid,
                        TransactionActions = new FilteredTransactionActions
                        {
                            ChaincodeActions = { new FilteredChaincodeAction { ChaincodeEvent = new ChaincodeEvent { ChaincodeId = Samples.Chaincode, TxId = _samples.TxId, EventName = "PersonCreated" } } },
                        },
                    },
                    new FilteredTransaction { Txid = "bad", Type = HeaderType.EndorserTransaction, TxValidationCode = TxValidationCode.MvccReadConflict },
                },
            },
        };

        // Act
        var node = await DecodeAsync("protos.DeliverResponse", response.ToByteArray(), cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        var block = node.At("filteredBlock");
        Assert.Equal(Samples.Channel, block.Str("channelId"));
        Assert.Equal(12, block.Long("number"));
        Assert.Equal(_samples.TxId, block.Str("filteredTransactionsList.0.txid"));
        Assert.Equal(3, block.Long("filteredTransactionsList.0.type"));
        Assert.Equal(0, block.Long("filteredTransactionsList.0.txValidationCode"));
        Assert.Equal("PersonCreated", block.Str("filteredTransactionsList.0.transactionActions.chaincodeActionsList.0.chaincodeEvent.eventName"));
        Assert.Equal(11, block.Long("filteredTransactionsList.1.txValidationCode"));
    }

    [Fact]
    public async Task Peer_deliver_response_with_block_and_private_data_built_in_node_parses_in_csharp()
    {
        // Arrange
        var fields = new JsonObject
        {
            ["blockAndPrivateData"] = Message("protos.BlockAndPrivateData", new JsonObject
            {
                ["block"] = Message("common.Block", new JsonObject
                {
                    ["header"] = Message("common.BlockHeader", new JsonObject { ["number"] = 12 }),
                }),
                ["privateDataMapMap"] = new JsonObject
                {
                    ["$entries"] = new JsonArray(new JsonArray(1, Message("rwset.TxPvtReadWriteSet", new JsonObject
                    {
                        ["nsPvtRwsetList"] = new JsonArray(Message("rwset.NsPvtReadWriteSet", new JsonObject
                        {
                            ["namespace"] = Samples.Chaincode,
                            ["collectionPvtRwsetList"] = new JsonArray(Message("rwset.CollectionPvtReadWriteSet", new JsonObject
                            {
                                ["collectionName"] = "HabanaPrivate",
                                ["rwset"] = Marshaled("kvrwset.KVRWSet", ProposalResponseInteropTests.NodeOmopWrites()),
                            })),
                        })),
                    }))),
                },
            }),
        };

        // Act
        var response = PeerDeliverResponse.Parser.ParseFrom(await EncodeAsync("protos.DeliverResponse", fields, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(PeerDeliverResponse.TypeOneofCase.BlockAndPrivateData, response.TypeCase);
        Assert.Equal(12ul, response.BlockAndPrivateData.Block.Header.Number);
        var pvt = response.BlockAndPrivateData.PrivateDataMap[1];
        Assert.Equal(Samples.Chaincode, pvt.NsPvtRwset[0].Namespace);
        Assert.Equal("HabanaPrivate", pvt.NsPvtRwset[0].CollectionPvtRwset[0].CollectionName);
        Assert.Equal(Samples.OmopWrites(), Ledger.KvRwset.KVRWSet.Parser.ParseFrom(pvt.NsPvtRwset[0].CollectionPvtRwset[0].Rwset));
    }

    public void Dispose() => _samples.Dispose();
}
