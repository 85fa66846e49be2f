using Ceiba.Network.Protos.Common;
using Google.Protobuf;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>An accepted envelope waiting to be ordered; completed with the status its client gets.</summary>
internal sealed class PendingEnvelope(ByteString envelope, long size)
{
    private readonly TaskCompletionSource<Status> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ByteString Envelope { get; } = envelope;

    public long Size { get; } = size;

    public Task<Status> Completion => _done.Task;

    public void Complete(Status status) => _done.TrySetResult(status);
}
