using System.Collections.Concurrent;
using Ceiba.Network.Protos.Peer;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>
/// The shim side of one chaincode stream: sends REGISTER, follows REGISTERED and READY, then runs each
/// TRANSACTION or INIT as its own task keyed by (channel, txid) and routes the peer's replies to it.
/// A bad or out-of-order message is answered with ERROR (when it names a transaction) and the stream goes on.
/// </summary>
internal sealed class StreamHandler(IChaincode chaincode, string chaincodeId, TimeSpan drainTimeout, ILogger logger)
{
    private readonly ConcurrentDictionary<TxKey, TransactionContext> _transactions = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TransactionRunner _runner = new(chaincode, logger);
    private ConnectionState _state = ConnectionState.Created;
    private MessageWriter _writer = null!;
    private int _inFlight;
    private volatile bool _draining;

    public async Task RunAsync(
        IAsyncStreamReader<ChaincodeMessage> requests,
        IAsyncStreamWriter<ChaincodeMessage> responses,
        string peer,
        CancellationToken streamAborted,
        CancellationToken serverStopping)
    {
        _writer = new MessageWriter(responses);
        var writing = _writer.RunAsync(streamAborted);
        Log.PeerConnected(logger, peer, chaincodeId);
        _writer.Send(Messages.Register(chaincodeId));

        using var reading = CancellationTokenSource.CreateLinkedTokenSource(streamAborted);
        using var stopping = serverStopping.Register(() => _ = DrainThenStopReadingAsync(reading));
        try
        {
            while (await requests.MoveNext(reading.Token).ConfigureAwait(false))
            {
                Dispatch(requests.Current);
            }
            Log.StreamEnded(logger, peer);
        }
        catch (OperationCanceledException) when (reading.IsCancellationRequested)
        {
            Log.StreamEnded(logger, peer);
        }
        catch (Exception e) when (e is IOException or RpcException or InvalidOperationException)
        {
            Log.StreamFailed(logger, peer, e);
        }
        finally
        {
            await FinishAsync(writing).ConfigureAwait(false);
        }
    }

    private void Dispatch(ChaincodeMessage message)
    {
        if (message.Type == MessageType.Keepalive)
        {
            // As Fabric's Go shim: echo the peer's KEEPALIVE in any state.
            _writer.Send(message);
            Log.KeepaliveAnswered(logger);
            return;
        }
        switch (_state)
        {
            case ConnectionState.Created when message.Type == MessageType.Registered:
                ChangeState(ConnectionState.Established);
                break;
            case ConnectionState.Established when message.Type == MessageType.Ready:
                ChangeState(ConnectionState.Ready);
                break;
            case ConnectionState.Ready when message.Type is MessageType.Transaction or MessageType.Init:
                StartTransaction(message);
                break;
            case ConnectionState.Ready when message.Type is MessageType.Response or MessageType.Error:
                DeliverReply(message);
                break;
            default:
                Reject(message, $"cannot handle message ({Messages.Name(message.Type)}) while in state {_state.ToString().ToLowerInvariant()}");
                break;
        }
    }

    private void ChangeState(ConnectionState state)
    {
        _state = state;
        Log.StateChanged(logger, state.ToString().ToLowerInvariant());
    }

    private void StartTransaction(ChaincodeMessage message)
    {
        var key = new TxKey(message.ChannelId, message.Txid);
        if (_draining)
        {
            Reject(message, "the chaincode server is shutting down");
            return;
        }
        var context = new TransactionContext(key, _writer);
        if (!_transactions.TryAdd(key, context))
        {
            Reject(message, "duplicate transaction id: a transaction with this channel and txid is already running");
            return;
        }
        Interlocked.Increment(ref _inFlight);
        _ = Task.Run(async () =>
        {
            var reply = await _runner.RunAsync(context, message).ConfigureAwait(false);
            // Forget the transaction before answering, so that the peer may reuse the txid as soon as it has the answer.
            _transactions.TryRemove(key, out _);
            context.Abort("the transaction has already completed");
            _writer.Send(reply);
            if (Interlocked.Decrement(ref _inFlight) == 0 && _draining)
            {
                _drained.TrySetResult();
            }
        });
    }

    private void DeliverReply(ChaincodeMessage message)
    {
        var key = new TxKey(message.ChannelId, message.Txid);
        if (_transactions.TryGetValue(key, out var context) && context.TryDeliver(message))
        {
            return;
        }
        if (message.Type == MessageType.Error)
        {
            // Never answer an ERROR with an ERROR: two strict parties would loop forever.
            Log.Rejected(logger, message.Type, key.ChannelId, key.TxId, "no request of this transaction is waiting for a reply");
            return;
        }
        Reject(message, "no request of this transaction is waiting for a reply");
    }

    private void Reject(ChaincodeMessage message, string reason)
    {
        Log.Rejected(logger, message.Type, message.ChannelId, message.Txid, reason);
        if (message.Txid.Length > 0)
        {
            _writer.Send(Messages.Error(message.ChannelId, message.Txid, $"[{message.ChannelId}:{message.Txid}] {reason}"));
        }
    }

    private async Task DrainThenStopReadingAsync(CancellationTokenSource reading)
    {
        _draining = true;
        var count = Volatile.Read(ref _inFlight);
        if (count > 0)
        {
            Log.Draining(logger, count);
            await Task.WhenAny(_drained.Task, Task.Delay(drainTimeout)).ConfigureAwait(false);
        }
        await reading.CancelAsync().ConfigureAwait(false);
    }

    private async Task FinishAsync(Task writing)
    {
        _draining = true;
        foreach (var context in _transactions.Values)
        {
            context.Abort("the chaincode stream has ended");
        }
        if (Volatile.Read(ref _inFlight) > 0)
        {
            await Task.WhenAny(_drained.Task, Task.Delay(drainTimeout)).ConfigureAwait(false);
        }
        _writer.Complete();
        try
        {
            await writing.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or RpcException or InvalidOperationException or OperationCanceledException)
        {
            // The peer is gone: nothing left to tell it.
        }
    }
}
