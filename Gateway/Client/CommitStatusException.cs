using Grpc.Core;
using RpcStatus = Grpc.Core.Status;

namespace Ceiba.Gateway.Client;

/// <summary>Getting the commit status failed; the transaction may or may not commit.</summary>
public sealed class CommitStatusException : GatewayException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="transactionId">The transaction ID.</param>
    /// <param name="status">The gRPC status the call ended with.</param>
    /// <param name="details">The per-node details from the status details.</param>
    /// <param name="innerException">The <see cref="RpcException"/>.</param>
    public CommitStatusException(string transactionId, RpcStatus status, IReadOnlyList<ErrorDetail> details, Exception? innerException)
        : base(GatewayStage.CommitStatus, transactionId, status, details, innerException)
    {
    }
}
