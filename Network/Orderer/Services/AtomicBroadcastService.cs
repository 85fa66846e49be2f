using System.Threading.Channels;
using Ceiba.Network.Orderer.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;

namespace Ceiba.Network.Orderer.Services;

/// <summary>
/// <c>orderer.AtomicBroadcast</c>. Broadcast answers every envelope, in order, while reading the next
/// ones (responses are pipelined); Deliver serves seek requests one after another on a stream.
/// </summary>
internal sealed class AtomicBroadcastService(BroadcastProcessor broadcast, DeliverHandler deliver) : AtomicBroadcast.AtomicBroadcastBase
{
    private const int MaxInFlightPerStream = 4096;

    public override async Task Broadcast(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<BroadcastResponse> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var answers = System.Threading.Channels.Channel.CreateBounded<Task<BroadcastResponse>>(new BoundedChannelOptions(MaxInFlightPerStream) { SingleReader = true, SingleWriter = true });
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
                await answers.Writer.WriteAsync(broadcast.ProcessAsync(envelope, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            answers.Writer.TryComplete();
        }

        await writer.ConfigureAwait(false);
    }

    public override async Task Deliver(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context)
    {
        await foreach (var envelope in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            var status = await deliver.DeliverAsync(envelope, responseStream, context.CancellationToken).ConfigureAwait(false);
            await responseStream.WriteAsync(new DeliverResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
