using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;
using ChaincodeEventMessage = Ceiba.Network.Protos.Peer.ChaincodeEvent;
using GatewayBase = Ceiba.Network.Protos.Gateway.Gateway.GatewayBase;

namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>
/// A test double of a Fabric gateway peer over real gRPC: verifies every signature the client sends, answers like a
/// peer, and fails or stalls on request (see <see cref="FakeGatewayState"/>).
/// </summary>
internal sealed class FakeGatewayService(FakeGatewayState state, FakeEndorser endorser) : GatewayBase
{
    public override async Task<EvaluateResponse> Evaluate(EvaluateRequest request, ServerCallContext context)
    {
        state.Evaluated.Enqueue(request);
        await StageAsync(GatewayStage.Evaluate, context);
        var response = Run(() => endorser.Execute(request.ProposedTransaction, out _));
        return new EvaluateResponse { Result = response };
    }

    public override async Task<EndorseResponse> Endorse(EndorseRequest request, ServerCallContext context)
    {
        state.Endorsed.Enqueue(request);
        state.EndorseTraceParents.Enqueue(context.RequestHeaders.GetValue("traceparent") ?? string.Empty);
        await StageAsync(GatewayStage.Endorse, context);
        var envelope = Run(() =>
        {
            var response = endorser.Execute(request.ProposedTransaction, out var parts);
            return endorser.Endorse(request.ProposedTransaction, parts, response);
        });
        return new EndorseResponse { PreparedTransaction = envelope };
    }

    public override async Task<SubmitResponse> Submit(SubmitRequest request, ServerCallContext context)
    {
        state.Submitted.Enqueue(request);
        await StageAsync(GatewayStage.Submit, context);
        var envelope = request.PreparedTransaction;
        if (envelope.Signature.IsEmpty)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "prepared transaction must be signed"));
        }

        var header = Payload.Parser.ParseFrom(envelope.Payload).Header;
        var creator = SignatureHeader.Parser.ParseFrom(header.SignatureHeader).Creator;
        Require(SignatureChecks.Verify(creator, envelope.Payload.Span, envelope.Signature.Span), "envelope signature does not verify");
        state.Ordered[request.TransactionId] = true;
        return new SubmitResponse();
    }

    public override async Task<CommitStatusResponse> CommitStatus(SignedCommitStatusRequest request, ServerCallContext context)
    {
        state.StatusRequests.Enqueue(request);
        await StageAsync(GatewayStage.CommitStatus, context);
        var inner = CommitStatusRequest.Parser.ParseFrom(request.Request);
        Require(SignatureChecks.Verify(inner.Identity, request.Request.Span, request.Signature.Span), "commit status request signature does not verify");
        Require(state.Ordered.ContainsKey(inner.TransactionId), $"transaction {inner.TransactionId} was never submitted");
        return new CommitStatusResponse { Result = state.CommitCode, BlockNumber = state.BlockNumber };
    }

    public override async Task ChaincodeEvents(SignedChaincodeEventsRequest request, IServerStreamWriter<ChaincodeEventsResponse> responseStream, ServerCallContext context)
    {
        state.EventRequests.Enqueue(request);
        await StageAsync(GatewayStage.ChaincodeEvents, context);
        var inner = Ceiba.Network.Protos.Gateway.ChaincodeEventsRequest.Parser.ParseFrom(request.Request);
        Require(SignatureChecks.Verify(inner.Identity, request.Request.Span, request.Signature.Span), "events request signature does not verify");
        var start = inner.StartPosition.TypeCase == SeekPosition.TypeOneofCase.Specified ? inner.StartPosition.Specified.Number : state.BlockNumber;
        foreach (var block in state.Events.Keys.Where(b => b >= start).Order())
        {
            var events = state.Events[block].Where(e => e.ChaincodeName == inner.ChaincodeId).ToList();
            if (block == start && inner.AfterTransactionId.Length > 0)
            {
                events = [.. events.SkipWhile(e => e.TransactionId != inner.AfterTransactionId).Skip(1)];
            }

            if (events.Count == 0)
            {
                continue;
            }

            var response = new ChaincodeEventsResponse { BlockNumber = block };
            response.Events.Add(events.Select(e => new ChaincodeEventMessage
            {
                ChaincodeId = e.ChaincodeName,
                TxId = e.TransactionId,
                EventName = e.EventName,
                Payload = Google.Protobuf.ByteString.CopyFrom(e.Payload),
            }));
            await responseStream.WriteAsync(response, context.CancellationToken);
        }

        // A gateway keeps the stream open for blocks still to come.
        await Task.Delay(Timeout.Infinite, context.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task StageAsync(GatewayStage stage, ServerCallContext context)
    {
        if (state.Delays.TryGetValue(stage, out var delay))
        {
            await Task.Delay(delay, context.CancellationToken);
        }

        if (state.Failures.TryGetValue(stage, out var failure))
        {
            throw failure;
        }
    }

    private static T Run<T>(Func<T> endorse)
    {
        try
        {
            return endorse();
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, e.Message));
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, message));
        }
    }
}
