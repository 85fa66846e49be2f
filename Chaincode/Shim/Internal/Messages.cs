using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>Builds the chaincode messages the shim sends. Every reply echoes the txid and channel it answers.</summary>
internal static class Messages
{
    public static ChaincodeMessage Register(string chaincodeId) => new()
    {
        Type = MessageType.Register,
        Payload = new ChaincodeID { Name = chaincodeId }.ToByteString(),
    };

    public static ChaincodeMessage Request(TxKey key, MessageType type, IMessage payload) => new()
    {
        Type = type,
        Payload = payload.ToByteString(),
        Txid = key.TxId,
        ChannelId = key.ChannelId,
    };

    public static ChaincodeMessage Error(string channelId, string txId, string text) => new()
    {
        Type = MessageType.Error,
        Payload = ByteString.CopyFromUtf8(text),
        Txid = txId,
        ChannelId = channelId,
    };

    public static ChaincodeMessage Completed(TxKey key, ChaincodeResponse response, ChaincodeEvent? chaincodeEvent)
    {
        var message = new ChaincodeMessage
        {
            Type = MessageType.Completed,
            Payload = new Response
            {
                Status = response.Status,
                Message = response.Message ?? string.Empty,
                Payload = ByteString.CopyFrom(response.Payload.Span),
            }.ToByteString(),
            Txid = key.TxId,
            ChannelId = key.ChannelId,
        };
        if (chaincodeEvent is not null)
        {
            message.ChaincodeEvent = chaincodeEvent;
        }
        return message;
    }

    /// <summary>The wire name of a message type (GET_STATE, ...), also for values this build does not know.</summary>
    public static string Name(MessageType type) => type switch
    {
        MessageType.GetState => "GET_STATE",
        MessageType.PutState => "PUT_STATE",
        MessageType.DelState => "DEL_STATE",
        MessageType.GetStateByRange => "GET_STATE_BY_RANGE",
        MessageType.QueryStateNext => "QUERY_STATE_NEXT",
        MessageType.QueryStateClose => "QUERY_STATE_CLOSE",
        MessageType.GetHistoryForKey => "GET_HISTORY_FOR_KEY",
        MessageType.GetStateMetadata => "GET_STATE_METADATA",
        MessageType.PutStateMetadata => "PUT_STATE_METADATA",
        MessageType.GetPrivateDataHash => "GET_PRIVATE_DATA_HASH",
        MessageType.PurgePrivateData => "PURGE_PRIVATE_DATA",
        _ => type.ToString().ToUpperInvariant(),
    };
}
