using Ceiba.Network.Protos.Peer;
using MessageType = Ceiba.Network.Protos.Peer.ChaincodeMessage.Types.Type;

namespace Ceiba.Testing.Chaincode;

/// <summary>How a chaincode answered one TRANSACTION or INIT, and what it asked the peer for on the way.</summary>
/// <param name="TxId">The transaction id.</param>
/// <param name="Type">COMPLETED or ERROR.</param>
/// <param name="Response">The Response carried by COMPLETED; null for ERROR.</param>
/// <param name="Event">The chaincode event sent with COMPLETED, if any.</param>
/// <param name="ErrorText">The payload text of ERROR; null for COMPLETED.</param>
/// <param name="Writes">The writes the transaction requested, in order.</param>
/// <param name="MetadataWrites">The metadata writes the transaction requested.</param>
/// <param name="Requests">Every request type the chaincode sent for this transaction, in order.</param>
/// <param name="OpenQueries">Query iterators still open on the peer side when the transaction ended.</param>
/// <param name="EarlyCloses">QUERY_STATE_CLOSE requests for iterators that still had results.</param>
public sealed record TransactionResult(
    string TxId,
    MessageType Type,
    Response? Response,
    ChaincodeEvent? Event,
    string? ErrorText,
    IReadOnlyList<LedgerWrite> Writes,
    IReadOnlyList<MetadataWrite> MetadataWrites,
    IReadOnlyList<MessageType> Requests,
    int OpenQueries,
    int EarlyCloses)
{
    /// <summary>True when the chaincode answered COMPLETED.</summary>
    public bool IsCompleted => Type == MessageType.Completed;

    /// <summary>The response status, or 0 for ERROR.</summary>
    public int Status => Response?.Status ?? 0;

    /// <summary>The response message, or the ERROR text.</summary>
    public string Message => Response?.Message ?? ErrorText ?? string.Empty;

    /// <summary>The response payload as UTF-8.</summary>
    public string PayloadText => Response?.Payload.ToStringUtf8() ?? string.Empty;

    /// <inheritdoc />
    public override string ToString() => IsCompleted ? $"{TxId}: COMPLETED {Status} {Message} {PayloadText}" : $"{TxId}: ERROR {ErrorText}";
}
