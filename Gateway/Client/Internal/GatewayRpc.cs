using System.Runtime.CompilerServices;
using Ceiba.Network.Protos.Gateway;
using Grpc.Core;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Peer;
using DeliverClient = Ceiba.Network.Protos.Peer.Deliver.DeliverClient;
using GatewayClient = Ceiba.Network.Protos.Gateway.Gateway.GatewayClient;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>
/// The only code that calls the generated gateway and deliver stubs: sets each stage's deadline and turns every
/// <see cref="RpcException"/> into the stage's typed exception.
/// </summary>
internal sealed class GatewayRpc(CallInvoker invoker, GatewayOptions options)
{
    private readonly GatewayClient client = new(invoker);
    private readonly DeliverClient deliver = new(invoker);

    public GatewayOptions Options { get; } = options;

    public Task<EvaluateResponse> EvaluateAsync(EvaluateRequest request, CancellationToken cancellationToken) =>
        UnaryAsync(GatewayStage.Evaluate, request.TransactionId, Options.EvaluateTimeout, o => client.EvaluateAsync(request, o), cancellationToken);

    public Task<EndorseResponse> EndorseAsync(EndorseRequest request, CancellationToken cancellationToken) =>
        UnaryAsync(GatewayStage.Endorse, request.TransactionId, Options.EndorseTimeout, o => client.EndorseAsync(request, o), cancellationToken);

    public Task<SubmitResponse> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken) =>
        UnaryAsync(GatewayStage.Submit, request.TransactionId, Options.SubmitTimeout, o => client.SubmitAsync(request, o), cancellationToken);

    public Task<CommitStatusResponse> CommitStatusAsync(SignedCommitStatusRequest request, string transactionId, CancellationToken cancellationToken) =>
        UnaryAsync(GatewayStage.CommitStatus, transactionId, Options.CommitStatusTimeout, o => client.CommitStatusAsync(request, o), cancellationToken);

    /// <summary>Reads a chaincode event stream until it ends or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<ChaincodeEventsResponse> ChaincodeEventsAsync(
        SignedChaincodeEventsRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = client.ChaincodeEvents(request, CallOptionsFor(Options.ChaincodeEventsTimeout, cancellationToken));
        while (true)
        {
            try
            {
                if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (RpcException e)
            {
                throw RpcErrors.ToException(GatewayStage.ChaincodeEvents, string.Empty, e, cancellationToken);
            }

            yield return call.ResponseStream.Current;
        }
    }

    /// <summary>Sends one seek envelope to the peer's Deliver (or DeliverFiltered) service and reads its blocks.</summary>
    public async IAsyncEnumerable<DeliverResponse> DeliverAsync(
        Envelope seek,
        bool filtered,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var callOptions = CallOptionsFor(Options.BlockEventsTimeout, cancellationToken);
        using var call = filtered ? deliver.DeliverFiltered(callOptions) : deliver.Deliver(callOptions);
        try
        {
            // One seek envelope; the request stream stays open while blocks are read.
            await call.RequestStream.WriteAsync(seek, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw RpcErrors.ToException(GatewayStage.BlockEvents, string.Empty, e, cancellationToken);
        }

        while (true)
        {
            DeliverResponse response;
            try
            {
                if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }

                response = call.ResponseStream.Current;
            }
            catch (RpcException e)
            {
                throw RpcErrors.ToException(GatewayStage.BlockEvents, string.Empty, e, cancellationToken);
            }

            if (response.TypeCase == DeliverResponse.TypeOneofCase.Status)
            {
                if (response.Status == Ceiba.Network.Protos.Common.Status.Success)
                {
                    yield break;
                }

                throw RpcErrors.FromDeliverStatus(response.Status);
            }

            yield return response;
        }
    }

    private static async Task<T> UnaryAsync<T>(
        GatewayStage stage,
        string transactionId,
        TimeSpan timeout,
        Func<CallOptions, AsyncUnaryCall<T>> invoke,
        CancellationToken cancellationToken)
    {
        try
        {
            using var call = invoke(CallOptionsFor(timeout, cancellationToken));
            return await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw RpcErrors.ToException(stage, transactionId, e, cancellationToken);
        }
    }

    private static CallOptions CallOptionsFor(TimeSpan timeout, CancellationToken cancellationToken) =>
        new(deadline: timeout == Timeout.InfiniteTimeSpan ? null : DateTime.UtcNow.Add(timeout), cancellationToken: cancellationToken);
}
