using System.Collections.Concurrent;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;
using Grpc.Net.Client;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>One Broadcast stream to another orderer: writes are serialized, and responses arrive in order, so each completes the oldest waiter.</summary>
internal sealed class ForwardingStream : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<Envelope, BroadcastResponse> _call;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentQueue<TaskCompletionSource<BroadcastResponse>> _waiting = new();
    private readonly Task _reader;
    private volatile bool _broken;

    public ForwardingStream(GrpcChannel channel)
    {
        _channel = channel;
        _call = new AtomicBroadcast.AtomicBroadcastClient(channel).Broadcast(new Grpc.Core.Metadata { { BroadcastProcessor.ForwardedHeader, "1" } });
        _reader = Task.Run(ReadAsync);
    }

    public bool IsBroken => _broken;

    /// <summary>
    /// Writes <paramref name="envelope"/> to the stream; completes once it is written, with the task of the leader's
    /// answer (so the caller need not keep the envelope while the answer takes a commit round).
    /// </summary>
    public async Task<Task<BroadcastResponse>> WriteAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        var response = new TaskCompletionSource<BroadcastResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_broken, this);
            _waiting.Enqueue(response);
            await _call.RequestStream.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
            if (_broken)
            {
                Break();
            }
        }
        catch
        {
            Break();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }

        return response.Task;
    }

    public async ValueTask DisposeAsync()
    {
        Break();
        _call.Dispose();
        await _reader.ConfigureAwait(false);
        _channel.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var response in _call.ResponseStream.ReadAllAsync().ConfigureAwait(false))
            {
                if (_waiting.TryDequeue(out var waiter))
                {
                    waiter.TrySetResult(response);
                }
            }
        }
        catch (Exception)
        {
            // The stream broke: every waiter is answered below.
        }

        Break();
    }

    private void Break()
    {
        _broken = true;
        while (_waiting.TryDequeue(out var waiter))
        {
            waiter.TrySetResult(new BroadcastResponse { Status = Status.ServiceUnavailable, Info = "the stream to the leader broke" });
        }
    }
}
