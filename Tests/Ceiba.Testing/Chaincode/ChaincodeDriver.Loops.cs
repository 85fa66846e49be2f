using Ceiba.Network.Protos.Peer;
using Grpc.Core;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Testing.Chaincode;

/// <content>The driver's reader and writer loops: one writer for the stream, one reader dispatching by (channel, txid).</content>
public sealed partial class ChaincodeDriver
{
    private async Task ReadRegisterAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RegisterTimeout);
        if (!await _call.ResponseStream.MoveNext(timeout.Token).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The chaincode closed the stream without sending REGISTER.");
        }
        var register = _call.ResponseStream.Current;
        if (register.Type != MessageType.Register)
        {
            throw new InvalidOperationException($"The chaincode's first message is {register.Type}, not REGISTER.");
        }
        ChaincodeId = ChaincodeID.Parser.ParseFrom(register.Payload).Name;
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outgoing.Reader;
        while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
        {
            while (reader.TryRead(out var message))
            {
                await _call.RequestStream.WriteAsync(message, _stop.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception ended = new InvalidOperationException("The chaincode ended the stream.");
        try
        {
            while (await _call.ResponseStream.MoveNext(_stop.Token).ConfigureAwait(false))
            {
                Dispatch(_call.ResponseStream.Current);
            }
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException or IOException)
        {
            ended = e;
        }
        finally
        {
            _unsolicited.Writer.TryComplete();
            foreach (var pending in _running.Values)
            {
                pending.Fail(ended);
            }
            foreach (var waiter in _rawWaiters.Values)
            {
                waiter.TrySetException(ended);
            }
        }
    }

    private void Dispatch(ChaincodeMessage message)
    {
        var key = (message.ChannelId, message.Txid);
        if (_rawWaiters.TryRemove(key, out var waiter))
        {
            waiter.TrySetResult(message);
            return;
        }
        if (_running.TryGetValue(key, out var pending))
        {
            if (message.Type is MessageType.Completed or MessageType.Error)
            {
                _running.TryRemove(key, out _);
                pending.Finish(message, Ledger);
                return;
            }
            if (_options.InterceptRequest?.Invoke(message) is { } injected)
            {
                injected.Txid = message.Txid;
                injected.ChannelId = message.ChannelId;
                Send(injected);
                return;
            }
            var (type, payload) = pending.Simulator.Serve(message);
            Send(new ChaincodeMessage { Type = type, Payload = payload, Txid = message.Txid, ChannelId = message.ChannelId });
            return;
        }
        _unsolicited.Writer.TryWrite(message);
    }
}
