using Ceiba.Network.Protos.Peer;
using Microsoft.Extensions.Logging;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary>Source-generated log messages of the shim. Event ids are stable: 1xx stream, 2xx transactions, 3xx server.</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Peer connected from {Peer}; registering as {ChaincodeId}")]
    public static partial void PeerConnected(ILogger logger, string peer, string chaincodeId);

    [LoggerMessage(101, LogLevel.Information, "Registered with the peer; stream is {State}")]
    public static partial void StateChanged(ILogger logger, string state);

    [LoggerMessage(102, LogLevel.Information, "Chaincode stream from {Peer} ended")]
    public static partial void StreamEnded(ILogger logger, string peer);

    [LoggerMessage(103, LogLevel.Warning, "Chaincode stream from {Peer} failed")]
    public static partial void StreamFailed(ILogger logger, string peer, Exception exception);

    [LoggerMessage(104, LogLevel.Warning, "Rejected {Type} for [{ChannelId}:{TxId}]: {Reason}")]
    public static partial void Rejected(ILogger logger, ChaincodeMessage.Types.Type type, string channelId, string txId, string reason);

    [LoggerMessage(105, LogLevel.Debug, "Answered KEEPALIVE")]
    public static partial void KeepaliveAnswered(ILogger logger);

    [LoggerMessage(106, LogLevel.Information, "Draining: waiting for {Count} in-flight transactions before closing the stream")]
    public static partial void Draining(ILogger logger, int count);

    [LoggerMessage(200, LogLevel.Debug, "[{ChannelId}:{TxId}] {Type} started")]
    public static partial void TransactionStarted(ILogger logger, string channelId, string txId, ChaincodeMessage.Types.Type type);

    [LoggerMessage(201, LogLevel.Debug, "[{ChannelId}:{TxId}] completed with status {Status}")]
    public static partial void TransactionCompleted(ILogger logger, string channelId, string txId, int status);

    [LoggerMessage(202, LogLevel.Error, "[{ChannelId}:{TxId}] chaincode failed; the peer gets ERROR with the exception message only")]
    public static partial void TransactionFailed(ILogger logger, string channelId, string txId, Exception exception);

    [LoggerMessage(203, LogLevel.Warning, "[{ChannelId}:{TxId}] malformed {Type}: {Reason}")]
    public static partial void TransactionMalformed(ILogger logger, string channelId, string txId, ChaincodeMessage.Types.Type type, string reason);

    [LoggerMessage(300, LogLevel.Information, "Chaincode server for {ChaincodeId} listening on {Address} ({Transport})")]
    public static partial void ServerListening(ILogger logger, string chaincodeId, string address, string transport);
}
