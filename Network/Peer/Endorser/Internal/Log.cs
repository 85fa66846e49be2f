using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Peer.Endorser.Internal;

/// <summary>Source-generated log messages of the endorser (event IDs 5200–5299).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Proposal refused: {Reason}")]
    public static partial void ProposalRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Chaincode {Chaincode} failed on transaction {TxId}: {Reason}")]
    public static partial void ChaincodeFailed(ILogger logger, string chaincode, string txId, string reason);
}
