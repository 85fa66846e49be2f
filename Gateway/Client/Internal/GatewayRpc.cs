using System.Runtime.CompilerServices;
using Ceiba.Network.Protos.Gateway;
using Grpc.Core;
using GatewayClient = Ceiba.Network.Protos.Gateway.Gateway.GatewayClient;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>
/// The only code that calls the generated gateway stub: sets each stage's deadline and turns every
/// <see cref="RpcException"/> into the stage's typed exception.
/// </summary>
internal sealed class GatewayRpc(GatewayClient client, GatewayOptions options)
{
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
