using Ceiba.Testing;
using System.Text.Json.Nodes;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Msp;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Network.Protos.Peer;
using Ceiba.Network.Protos.Tests.Support;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using static Ceiba.Testing.NodeProtos;

namespace Ceiba.Network.Protos.Tests;

/// <summary>gateway.Gateway requests, responses and google.rpc.Status error details, in both directions.</summary>
public sealed class GatewayInteropTests : IDisposable
{
    private readonly Samples _samples = new();

    [Fact]
    public async Task Endorse_request_from_csharp_decodes_in_node_with_its_signed_proposal()
    {
        // Arrange
        var request = new EndorseRequest
        {
            TransactionId = _samples.TxId,
            ChannelId = Samples.Channel,
            ProposedTransaction = _samples.SignedProposal,
            EndorsingOrganizations = { "HabanaMSP", "SantiagoMSP" },
        };
        var nested = new Dictionary<string, string>
        {
            ["proposedTransaction.proposalBytes"] = "protos.Proposal",
            ["proposedTransaction.proposalBytes.header"] = "common.Header",
            ["proposedTransaction.proposalBytes.header.channelHeader"] = "common.ChannelHeader",
        };

        // Act
        var node = await DecodeAsync("gateway.EndorseRequest", request.ToByteArray(), nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(_samples.TxId, node.Str("transactionId"));
        Assert.Equal(Samples.Channel, node.Str("channelId"));
        Assert.Equal(["HabanaMSP", "SantiagoMSP"], node.At("endorsingOrganizationsList").AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(_samples.TxId, node.Str("proposedTransaction.proposalBytes.header.channelHeader.txId"));
        Assert.Equal(_samples.SignedProposal.Signature.ToByteArray(), node.Bytes("proposedTransaction.signature"));
    }

    [Fact]
    public async Task Endorse_and_evaluate_responses_from_csharp_decode_in_node()
    {
        // Arrange
        var endorse = new EndorseResponse { PreparedTransaction = _samples.TransactionEnvelope() };
        var evaluate = new EvaluateResponse { Result = new Response { Status = 200, Message = "fine", Payload = ByteString.CopyFromUtf8(Samples.PersonJson) } };
        var ct = TestContext.Current.CancellationToken;

        // Act
        var endorseNode = await DecodeAsync("gateway.EndorseResponse", endorse.ToByteArray(), new Dictionary<string, string>
        {
            ["preparedTransaction.payload"] = "common.Payload",
            ["preparedTransaction.payload.header.channelHeader"] = "common.ChannelHeader",
            ["preparedTransaction.payload.data"] = "protos.Transaction",
        }, ct);
        var evaluateNode = await DecodeAsync("gateway.EvaluateResponse", evaluate.ToByteArray(), cancellationToken: ct);

        // Assert
        Assert.Equal(_samples.TxId, endorseNode.Str("preparedTransaction.payload.header.channelHeader.txId"));
        Assert.Equal(1, endorseNode.Count("preparedTransaction.payload.data.actionsList"));
        Assert.Equal(endorse.PreparedTransaction.Signature.ToByteArray(), endorseNode.Bytes("preparedTransaction.signature"));
        Assert.Equal(200, evaluateNode.Long("result.status"));
        Assert.Equal("fine", evaluateNode.Str("result.message"));
        Assert.Equal(Samples.PersonJson, evaluateNode.Utf8("result.payload"));
    }

    [Fact]
    public async Task Signed_commit_status_request_from_csharp_decodes_in_node()
    {
        // Arrange
        var request = new CommitStatusRequest { TransactionId = _samples.TxId, ChannelId = Samples.Channel, Identity = _samples.Client.Serialized }.ToByteString();
        var signed = new SignedCommitStatusRequest { Request = request, Signature = ByteString.CopyFrom(_samples.Client.Sign(request.Span)) };
        var nested = new Dictionary<string, string>
        {
            ["request"] = "gateway.CommitStatusRequest",
            ["request.identity"] = "msp.SerializedIdentity",
        };

        // Act
        var node = await DecodeAsync("gateway.SignedCommitStatusRequest", signed.ToByteArray(), nested, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(_samples.TxId, node.Str("request.transactionId"));
        Assert.Equal(Samples.Channel, node.Str("request.channelId"));
        Assert.Equal("HabanaMSP", node.Str("request.identity.mspid"));
        Assert.True(TestIdentity.Verify(node.Utf8("request.identity.idBytes"), request.Span, node.Bytes("signature")));
    }

    [Fact]
    public async Task Commit_status_response_round_trips_both_ways()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var fromCsharp = new CommitStatusResponse { Result = TxValidationCode.MvccReadConflict, BlockNumber = 1234 };

        // Act
        var node = await DecodeAsync("gateway.CommitStatusResponse", fromCsharp.ToByteArray(), cancellationToken: ct);
        var nodeBytes = await EncodeAsync("gateway.CommitStatusResponse", new JsonObject
        {
            ["result"] = (int)TxValidationCode.EndorsementPolicyFailure,
            ["blockNumber"] = 99,
        }, ct);
        var fromNode = CommitStatusResponse.Parser.ParseFrom(nodeBytes);

        // Assert
        Assert.Equal(11, node.Long("result"));
        Assert.Equal(1234, node.Long("blockNumber"));
        Assert.Equal(TxValidationCode.EndorsementPolicyFailure, fromNode.Result);
        Assert.Equal(99ul, fromNode.BlockNumber);
    }

    [Fact]
    public async Task Chaincode_events_request_and_response_from_csharp_decode_in_node()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var request = new ChaincodeEventsRequest
        {
            ChannelId = Samples.Channel,
            ChaincodeId = Samples.Chaincode,
            Identity = _samples.Client.Serialized,
            StartPosition = new SeekPosition { Specified = new SeekSpecified { Number = 5 } },
            AfterTransactionId = _samples.TxId,
        }.ToByteString();
        var signed = new SignedChaincodeEventsRequest { Request = request, Signature = ByteString.CopyFrom(_samples.Client.Sign(request.Span)) };
        var response = new ChaincodeEventsResponse
        {
            BlockNumber = 5,
            Events =
            {
                new ChaincodeEvent { ChaincodeId = Samples.Chaincode, TxId = "tx1", EventName = "PersonCreated", Payload = ByteString.CopyFromUtf8("42") },
                new ChaincodeEvent { ChaincodeId = Samples.Chaincode, TxId = "tx2", EventName = "NoteAdded" },
            },
        };

        // Act
        var requestNode = await DecodeAsync("gateway.SignedChaincodeEventsRequest", signed.ToByteArray(), new Dictionary<string, string>
        {
            ["request"] = "gateway.ChaincodeEventsRequest",
        }, ct);
        var responseNode = await DecodeAsync("gateway.ChaincodeEventsResponse", response.ToByteArray(), cancellationToken: ct);

        // Assert
        Assert.Equal(Samples.Channel, requestNode.Str("request.channelId"));
        Assert.Equal(Samples.Chaincode, requestNode.Str("request.chaincodeId"));
        Assert.Equal(_samples.Client.Serialized.ToByteArray(), requestNode.Bytes("request.identity"));
        Assert.Equal(5, requestNode.Long("request.startPosition.specified.number"));
        Assert.Null(requestNode.At("request.startPosition")["newest"]);
        Assert.Equal(_samples.TxId, requestNode.Str("request.afterTransactionId"));
        Assert.Equal(5, responseNode.Long("blockNumber"));
        Assert.Equal("PersonCreated", responseNode.Str("eventsList.0.eventName"));
        Assert.Equal("42", responseNode.Utf8("eventsList.0.payload"));
        Assert.Equal("tx2", responseNode.Str("eventsList.1.txId"));
    }

    [Fact]
    public async Task Error_details_in_google_rpc_status_from_csharp_decode_in_node()
    {
        // Arrange
        var status = new Google.Rpc.Status
        {
            Code = (int)Grpc.Core.StatusCode.Unavailable,
            Message = "failed to submit transaction to any orderer",
            Details =
            {
                Any.Pack(new ErrorDetail { Address = "orderer0.ehr:7050", MspId = "OrdererMSP", Message = "connection refused" }),
                Any.Pack(new ErrorDetail { Address = "orderer1.ehr:7050", MspId = "OrdererMSP", Message = "deadline exceeded" }),
            },
        };

        // Act
        var node = await DecodeAsync("google.rpc.Status", status.ToByteArray(), new Dictionary<string, string>
        {
            ["detailsList.*.value"] = "gateway.ErrorDetail",
        }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(14, node.Long("code"));
        Assert.Equal("failed to submit transaction to any orderer", node.Str("message"));
        Assert.Equal(2, node.Count("detailsList"));
        Assert.Equal("type.googleapis.com/gateway.ErrorDetail", node.Str("detailsList.0.typeUrl"));
        Assert.Equal("orderer0.ehr:7050", node.Str("detailsList.0.value.address"));
        Assert.Equal("OrdererMSP", node.Str("detailsList.0.value.mspId"));
        Assert.Equal("connection refused", node.Str("detailsList.0.value.message"));
        Assert.Equal("deadline exceeded", node.Str("detailsList.1.value.message"));
    }

    [Fact]
    public async Task Error_details_built_in_node_unpack_in_csharp()
    {
        // Arrange
        var fields = new JsonObject
        {
            ["code"] = (int)Grpc.Core.StatusCode.Aborted,
            ["message"] = "failed to endorse transaction",
            ["detailsList"] = new JsonArray(Message("google.protobuf.Any", new JsonObject
            {
                ["typeUrl"] = "type.googleapis.com/gateway.ErrorDetail",
                ["value"] = Marshaled("gateway.ErrorDetail", new JsonObject
                {
                    ["address"] = "peer0.santiago:7051",
                    ["mspId"] = "SantiagoMSP",
                    ["message"] = "chaincode response 500, person 42 exists",
                }),
            })),
        };

        // Act
        var nodeBytes = await EncodeAsync("google.rpc.Status", fields, TestContext.Current.CancellationToken);
        var status = Google.Rpc.Status.Parser.ParseFrom(nodeBytes);

        // Assert
        Assert.Equal((int)Grpc.Core.StatusCode.Aborted, status.Code);
        Assert.Equal("failed to endorse transaction", status.Message);
        var any = Assert.Single(status.Details);
        Assert.True(any.Is(ErrorDetail.Descriptor));
        var detail = any.Unpack<ErrorDetail>();
        Assert.Equal("peer0.santiago:7051", detail.Address);
        Assert.Equal("SantiagoMSP", detail.MspId);
        Assert.Equal("chaincode response 500, person 42 exists", detail.Message);
    }

    [Fact]
    public async Task Offline_signing_messages_built_in_node_parse_in_csharp()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var envelope = _samples.TransactionEnvelope();

        // Act
        var proposed = ProposedTransaction.Parser.ParseFrom(await EncodeAsync("gateway.ProposedTransaction", new JsonObject
        {
            ["transactionId"] = _samples.TxId,
            ["proposal"] = Message("protos.SignedProposal", new JsonObject
            {
                ["proposalBytes"] = Bytes(_samples.ProposalBytes.Span),
                ["signature"] = Bytes(_samples.SignedProposal.Signature.Span),
            }),
            ["endorsingOrganizationsList"] = new JsonArray("HabanaMSP"),
        }, ct));
        var prepared = PreparedTransaction.Parser.ParseFrom(await EncodeAsync("gateway.PreparedTransaction", new JsonObject
        {
            ["transactionId"] = _samples.TxId,
            ["envelope"] = Message("common.Envelope", new JsonObject
            {
                ["payload"] = Bytes(envelope.Payload.Span),
                ["signature"] = Bytes(envelope.Signature.Span),
            }),
        }, ct));

        // Assert
        Assert.Equal(_samples.TxId, proposed.TransactionId);
        Assert.Equal(_samples.SignedProposal, proposed.Proposal);
        Assert.Equal(["HabanaMSP"], proposed.EndorsingOrganizations);
        Assert.Equal(_samples.TxId, prepared.TransactionId);
        Assert.Equal(envelope, prepared.Envelope);
    }

    public void Dispose() => _samples.Dispose();
}
