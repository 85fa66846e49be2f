using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>
/// One in-flight transaction on a stream: correlates the stub's requests with the peer's replies.
/// The peer serves one request per transaction at a time, so requests are serialized here even when
/// chaincode code issues them concurrently.
/// </summary>
internal sealed class TransactionContext(TxKey key, MessageWriter writer)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TaskCompletionSource<ChaincodeMessage>? _pending;
    private string? _abortReason;

    public TxKey Key => key;

    /// <summary>Sends a request and returns the RESPONSE payload; throws <see cref="PeerRequestException"/> on ERROR.</summary>
    public async Task<ByteString> RequestAsync(MessageType type, IMessage payload)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var reply = new TaskCompletionSource<ChaincodeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _pending, reply);
            if (Volatile.Read(ref _abortReason) is { } reason || !writer.Send(Messages.Request(key, type, payload)))
            {
                throw new PeerRequestException(Messages.Name(type), key.TxId, _abortReason ?? "the chaincode stream is closed");
            }
            var message = await reply.Task.ConfigureAwait(false);
            return message.Type switch
            {
                MessageType.Response => message.Payload,
                MessageType.Error => throw new PeerRequestException(Messages.Name(type), key.TxId, message.Payload.ToStringUtf8()),
                _ => throw new PeerRequestException(Messages.Name(type), key.TxId, $"unexpected reply {message.Type}"),
            };
        }
        finally
        {
            Volatile.Write(ref _pending, null);
            _gate.Release();
        }
    }

    /// <summary>Hands a RESPONSE or ERROR from the peer to the waiting request. False when nothing was waiting.</summary>
    public bool TryDeliver(ChaincodeMessage reply) =>
        Interlocked.Exchange(ref _pending, null)?.TrySetResult(reply) ?? false;

    /// <summary>Fails the waiting request and every later one, for example when the stream ends.</summary>
    public void Abort(string reason)
    {
        Volatile.Write(ref _abortReason, reason);
        Interlocked.Exchange(ref _pending, null)?.TrySetException(
            new PeerRequestException("request", key.TxId, reason));
    }
}
