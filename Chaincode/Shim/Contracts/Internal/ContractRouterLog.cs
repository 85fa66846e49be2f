using Microsoft.Extensions.Logging;

namespace Ceiba.Chaincode.Shim.Contracts.Internal;

/// <summary>The contract router's log messages (source-generated, stable event ids 4100–4199).</summary>
internal static partial class ContractRouterLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Contract '{Contract}' registered with {Count} transaction(s); default: {IsDefault}")]
    public static partial void ContractRegistered(ILogger logger, string contract, int count, bool isDefault);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "[{ChannelId}:{TxId}] {Function} failed with status {Status}: {Reason}")]
    public static partial void TransactionRejected(ILogger logger, string channelId, string txId, string function, int status, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "[{ChannelId}:{TxId}] {Function} failed with an unexpected exception; the client sees only 'internal error'")]
    public static partial void TransactionFailed(ILogger logger, Exception exception, string channelId, string txId, string function);
}
