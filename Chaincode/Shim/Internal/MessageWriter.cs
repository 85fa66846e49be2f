using System.Threading.Channels;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>
/// The single writer of a chaincode stream: gRPC allows one write at a time, while many transactions
/// send concurrently. Messages queue here and one loop writes them in order, flushing only when the queue
/// is empty so that bursts share network writes.
/// </summary>
internal sealed class MessageWriter(IAsyncStreamWriter<ChaincodeMessage> stream)
{
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    private readonly Channel<ChaincodeMessage> _queue = Channel.CreateUnbounded<ChaincodeMessage>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    /// <summary>Queues a message. Returns false once the writer has stopped (the stream is gone).</summary>
    public bool Send(ChaincodeMessage message) => _queue.Writer.TryWrite(message);

    /// <summary>Stops accepting messages; <see cref="RunAsync"/> ends after writing what is queued.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Writes queued messages until <see cref="Complete"/> is called or the stream fails.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    // More queued: let gRPC buffer this one; the last of a burst flushes them all.
                    stream.WriteOptions = reader.TryPeek(out _) ? Buffered : null;
                    await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _queue.Writer.TryComplete();
        }
    }
}
