using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;
using Grpc.Net.Client;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>
/// One long-lived Broadcast stream to one orderer, shared by every Submit. An orderer answers a stream's envelopes
/// in the order it read them, so each send queues its pending answer and the reader completes them first in, first
/// out. A call per transaction (what Fabric's gateway does) costs both sides an HTTP/2 stream, a server call context
/// and a span per envelope; under load that was most of the embedded orderer's CPU.
/// </summary>
/// <remarks>
/// When the stream fails, every pending send fails with Unavailable and the next send opens a new stream, so the
/// submitter moves on to another orderer as it would for a failed call. A send that times out breaks the stream too:
/// its answer may still arrive and would be taken for the next envelope's.
/// </remarks>
internal sealed class BroadcastStream(GrpcChannel channel, TimeSpan timeout) : IDisposable
{
    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Connection? _connection;

    public async Task<BroadcastResponse> SendAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var answer = new TaskCompletionSource<BroadcastResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        Connection connection;
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            connection = Current();
            connection.Pending.Enqueue(answer);
            try
            {
                await connection.Call.RequestStream.WriteAsync(envelope, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error) when (IsStreamFailure(error))
            {
                var failure = AsUnavailable(error);
                Break(connection, failure);
                throw failure;
            }
        }
        finally
        {
            _writeLock.Release();
        }

        try
        {
            return await answer.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var error = new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, $"the orderer did not answer within {timeout.TotalSeconds:0} s"));
            Break(connection, error);
            throw error;
        }
    }

    public void Dispose()
    {
        lock (_sync)
        {
            if (_connection is { } connection)
            {
                Fail(connection, new ObjectDisposedException(nameof(BroadcastStream)));
                _connection = null;
            }
        }

        channel.Dispose();
        _writeLock.Dispose();
    }

    private Connection Current()
    {
        lock (_sync)
        {
            if (_connection is null)
            {
                var call = new AtomicBroadcast.AtomicBroadcastClient(channel).Broadcast();
                _connection = new Connection(call);
                _ = ReadAnswersAsync(_connection);
            }

            return _connection;
        }
    }

    private async Task ReadAnswersAsync(Connection connection)
    {
        try
        {
            while (await connection.Call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
            {
                if (!connection.Pending.TryDequeue(out var answer))
                {
                    throw new RpcException(new Grpc.Core.Status(StatusCode.Internal, "the orderer answered an envelope that was not sent"));
                }

                answer.TrySetResult(connection.Call.ResponseStream.Current);
            }

            Break(connection, new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "the orderer closed the stream without a response")));
        }
        catch (Exception error) when (IsStreamFailure(error))
        {
            Break(connection, AsUnavailable(error));
        }
    }

    private void Break(Connection connection, Exception error)
    {
        lock (_sync)
        {
            if (ReferenceEquals(_connection, connection))
            {
                _connection = null;
            }
        }

        Fail(connection, error);
    }

    private static bool IsStreamFailure(Exception error) =>
        error is RpcException or IOException or InvalidOperationException or ObjectDisposedException or HttpRequestException or OperationCanceledException;

    private static RpcException AsUnavailable(Exception error) =>
        error as RpcException ?? new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, error.Message, error));

    private static void Fail(Connection connection, Exception error)
    {
        var failure = AsUnavailable(error);
        connection.Call.Dispose();
        while (connection.Pending.TryDequeue(out var answer))
        {
            answer.TrySetException(failure);
        }
    }

    private sealed class Connection(AsyncDuplexStreamingCall<Envelope, BroadcastResponse> call)
    {
        public AsyncDuplexStreamingCall<Envelope, BroadcastResponse> Call { get; } = call;

        public System.Collections.Concurrent.ConcurrentQueue<TaskCompletionSource<BroadcastResponse>> Pending { get; } = new();
    }
}
