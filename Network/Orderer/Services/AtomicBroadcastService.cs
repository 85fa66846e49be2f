using System.Threading.Channels;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;
using Microsoft.Extensions.Hosting;

namespace Ceiba.Network.Orderer.Services;

/// <summary>
/// <c>orderer.AtomicBroadcast</c>. Broadcast answers every envelope, in order, while reading the next
/// ones (responses are pipelined); Deliver serves seek requests one after another on a stream.
/// </summary>
/// <remarks>Streams end when the node stops, so shutdown does not wait for long-lived Deliver or forwarding streams.</remarks>
internal sealed class AtomicBroadcastService(BroadcastProcessor broadcast, DeliverHandler deliver, IHostApplicationLifetime lifetime, ClusterPeerCheck? clusterPeers = null) : AtomicBroadcast.AtomicBroadcastBase
{
    private const int MaxInFlightPerStream = 4096;

    public override async Task Broadcast(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<BroadcastResponse> responseStream, ServerCallContext context)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var cancellationToken = call.Token;
        var answers = System.Threading.Channels.Channel.CreateBounded<Task<BroadcastResponse>>(new BoundedChannelOptions(MaxInFlightPerStream) { SingleReader = true, SingleWriter = true });
        var forwarded = context.RequestHeaders.Get(BroadcastProcessor.ForwardedHeader) is not null;
        var fromClusterMember = forwarded && clusterPeers is not null && clusterPeers.IsClusterMember(context.GetHttpContext().Connection.ClientCertificate);
        var writer = Task.Run(async () =>
        {
            await foreach (var answer in answers.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(await answer.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);
        try
        {
            await foreach (var envelope in requestStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // The next envelope is read only once this one is admitted: a full pipeline holds the client back.
                var answer = await broadcast.ProcessAsync(envelope, forwarded, fromClusterMember, cancellationToken).ConfigureAwait(false);
                await answers.Writer.WriteAsync(answer, cancellationToken).ConfigureAwait(false);
            }

            answers.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException && cancellationToken.IsCancellationRequested || ServerCallEnds.IsClientGone(exception, context))
        {
            // The node is stopping, or the client reset the stream (RST_STREAM) or dropped the connection: the call is
            // over and nothing is left to answer. Envelopes already admitted are still ordered.
        }
        finally
        {
            answers.Writer.TryComplete();
        }
    }

    public override async Task Deliver(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var envelope in requestStream.ReadAllAsync(call.Token).ConfigureAwait(false))
            {
                var status = await deliver.DeliverAsync(envelope, responseStream, call.Token).ConfigureAwait(false);
                await responseStream.WriteAsync(new DeliverResponse { Status = status }, call.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException && call.Token.IsCancellationRequested || ServerCallEnds.IsClientGone(exception, context))
        {
            // The node is stopping, or the client reset the stream or dropped the connection: the call is over.
        }
    }
}
