using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;
using Grpc.Net.Client;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Network.Peer.Chaincode.Internal;

/// <summary>
/// One <c>protos.Chaincode/Connect</c> stream to a chaincode server: the peer dials, reads REGISTER,
/// answers REGISTERED and READY, then multiplexes transactions by (channel, txid). One writer task
/// serializes sends; one reader task dispatches replies to the waiting transaction.
/// </summary>
internal sealed class ChaincodeStream : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly AsyncDuplexStreamingCall<ChaincodeMessage, ChaincodeMessage> _call;
    private readonly Channel<ChaincodeMessage> _outgoing = Channel.CreateUnbounded<ChaincodeMessage>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<(string, string), Channel<ChaincodeMessage>> _transactions = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private Task _writing = Task.CompletedTask;
    private int _disposed;

    private ChaincodeStream(GrpcChannel channel, AsyncDuplexStreamingCall<ChaincodeMessage, ChaincodeMessage> call)
    {
        _channel = channel;
        _call = call;
    }

    /// <summary>False once the stream has ended; the next execution dials again.</summary>
    public bool IsOpen => !_reading.IsCompleted;

    /// <summary>The package ID the chaincode registered with.</summary>
    public string PackageId { get; private set; } = string.Empty;

    public static async Task<ChaincodeStream> ConnectAsync(ChaincodeEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var channel = CreateChannel(endpoint);
        var call = new Protos.Peer.Chaincode.ChaincodeClient(channel).Connect(cancellationToken: CancellationToken.None);
        var stream = new ChaincodeStream(channel, call);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            if (!await call.ResponseStream.MoveNext(deadline.Token).ConfigureAwait(false) || call.ResponseStream.Current.Type != MessageType.Register)
            {
                throw new ChaincodeExecutionException($"chaincode {endpoint.Name} at {endpoint.Address} did not send REGISTER first");
            }

            stream.PackageId = ChaincodeID.Parser.ParseFrom(call.ResponseStream.Current.Payload).Name;
            stream._writing = stream.WriteLoopAsync();
            stream._reading = stream.ReadLoopAsync();
            stream.Send(new ChaincodeMessage { Type = MessageType.Registered });
            stream.Send(new ChaincodeMessage { Type = MessageType.Ready });
            return stream;
        }
        catch (Exception error) when (error is RpcException or OperationCanceledException or IOException or Google.Protobuf.InvalidProtocolBufferException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new ChaincodeExecutionException($"cannot connect to chaincode {endpoint.Name} at {endpoint.Address}: {error.Message}", error);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Registers a transaction; the chaincode's messages for it arrive on the returned reader.</summary>
    public ChannelReader<ChaincodeMessage> Begin(string channelId, string txId)
    {
        var inbox = Channel.CreateUnbounded<ChaincodeMessage>(new() { SingleReader = true });
        if (!_transactions.TryAdd((channelId, txId), inbox))
        {
            throw new ChaincodeExecutionException($"transaction {txId} is already executing on channel {channelId}");
        }

        return inbox.Reader;
    }

    public void End(string channelId, string txId) => _transactions.TryRemove((channelId, txId), out _);

    public void Send(ChaincodeMessage message)
    {
        if (!_outgoing.Writer.TryWrite(message))
        {
            throw new ChaincodeExecutionException("the chaincode stream is closed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _outgoing.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_reading, _writing).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception error) when (error is RpcException or OperationCanceledException or TimeoutException or IOException or InvalidOperationException)
        {
            // The stream is going away either way.
        }

        _call.Dispose();
        _channel.Dispose();
        _stop.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await _call.RequestStream.WriteAsync(message, _stop.Token).ConfigureAwait(false);
            }

            await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (error is RpcException or OperationCanceledException or IOException or InvalidOperationException)
        {
            _outgoing.Writer.TryComplete();
        }
    }

    private async Task ReadLoopAsync()
    {
        var ended = new ChaincodeExecutionException("the chaincode ended the stream");
        try
        {
            while (await _call.ResponseStream.MoveNext(_stop.Token).ConfigureAwait(false))
            {
                var message = _call.ResponseStream.Current;
                if (_transactions.TryGetValue((message.ChannelId, message.Txid), out var inbox))
                {
                    inbox.Writer.TryWrite(message);
                }
            }
        }
        catch (Exception error) when (error is RpcException or OperationCanceledException or IOException)
        {
            ended = new ChaincodeExecutionException($"the chaincode stream broke: {error.Message}", error);
        }
        finally
        {
            _outgoing.Writer.TryComplete();
            foreach (var inbox in _transactions.Values)
            {
                inbox.Writer.TryComplete(ended);
            }
        }
    }

    private static GrpcChannel CreateChannel(ChaincodeEndpoint endpoint) =>
        NodeGrpcChannels.Create(endpoint.Address, endpoint.RootCertificate, hostName: null, endpoint.ClientCertificate);
}
