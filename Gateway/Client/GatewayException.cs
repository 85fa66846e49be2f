using Grpc.Core;
using RpcStatus = Grpc.Core.Status;

namespace Ceiba.Gateway.Client;

/// <summary>
/// A gateway call failed. Says which stage, the gRPC status, and each node's error detail. Evaluate and event
/// failures surface as this type; the transaction stages have their own subclasses.
/// </summary>
public class GatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stage">The stage that failed.</param>
    /// <param name="transactionId">The transaction ID, or empty when the call had none (event streams).</param>
    /// <param name="status">The gRPC status the call ended with.</param>
    /// <param name="details">The per-node details from the status details.</param>
    /// <param name="innerException">The <see cref="RpcException"/>.</param>
    public GatewayException(GatewayStage stage, string transactionId, RpcStatus status, IReadOnlyList<ErrorDetail> details, Exception? innerException)
        : base(Describe(stage, transactionId, status, details), innerException)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        ArgumentNullException.ThrowIfNull(details);
        Stage = stage;
        TransactionId = transactionId;
        Status = status;
        Details = details;
    }

    /// <summary>The stage that failed.</summary>
    public GatewayStage Stage { get; }

    /// <summary>The transaction ID, or empty for calls without one.</summary>
    public string TransactionId { get; }

    /// <summary>The gRPC status.</summary>
    public RpcStatus Status { get; }

    /// <summary>The gRPC status code.</summary>
    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>The per-node error details (address, MSP ID, message); empty when the gateway sent none.</summary>
    public IReadOnlyList<ErrorDetail> Details { get; }

    private static string Describe(GatewayStage stage, string transactionId, RpcStatus status, IReadOnlyList<ErrorDetail> details)
    {
        var transaction = transactionId.Length == 0 ? "" : $" for transaction {transactionId}";
        var nodes = details is null || details.Count == 0 ? "" : "; " + string.Join("; ", details);
        return $"{stage} failed{transaction}: {status.StatusCode}: {status.Detail}{nodes}";
    }
}
