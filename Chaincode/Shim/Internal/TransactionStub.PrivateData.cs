using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Internal;

/// <content>Private data: the same requests as world state, with a collection name.</content>
internal sealed partial class TransactionStub
{
    public async Task<byte[]> GetPrivateDataAsync(string collection, string key)
    {
        ValidateCollection(collection);
        ArgumentNullException.ThrowIfNull(key);
        var value = await _context.RequestAsync(MessageType.GetState, new GetState { Key = key, Collection = collection }).ConfigureAwait(false);
        return value.ToByteArray();
    }

    public Task PutPrivateDataAsync(string collection, string key, ReadOnlyMemory<byte> value)
    {
        ValidateCollection(collection);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _context.RequestAsync(
            MessageType.PutState, new PutState { Key = key, Value = ByteString.CopyFrom(value.Span), Collection = collection });
    }

    public Task DeletePrivateDataAsync(string collection, string key)
    {
        ValidateCollection(collection);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _context.RequestAsync(MessageType.DelState, new DelState { Key = key, Collection = collection });
    }

    public Task PurgePrivateDataAsync(string collection, string key)
    {
        ValidateCollection(collection);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _context.RequestAsync(MessageType.PurgePrivateData, new PurgePrivateState { Key = key, Collection = collection });
    }

    public async Task<byte[]> GetPrivateDataHashAsync(string collection, string key)
    {
        ValidateCollection(collection);
        ArgumentNullException.ThrowIfNull(key);
        var hash = await _context.RequestAsync(
            MessageType.GetPrivateDataHash, new GetState { Key = key, Collection = collection }).ConfigureAwait(false);
        return hash.ToByteArray();
    }

    private static void ValidateCollection(string collection)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
    }
}
