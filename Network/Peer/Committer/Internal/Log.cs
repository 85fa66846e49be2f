using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Committer.Internal;

/// <summary>Source-generated log messages of the committer (event IDs 5100–5199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Committed block {Number} of channel {Channel}: {Valid} of {Count} transactions valid")]
    public static partial void BlockCommitted(ILogger logger, string channel, ulong number, int valid, int count);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Transaction {TxId} in block {Number} is {Code}: {Reason}")]
    public static partial void TransactionInvalid(ILogger logger, ulong number, string txId, string code, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Joined channel {Channel} with its genesis block")]
    public static partial void Joined(ILogger logger, string channel);
}
