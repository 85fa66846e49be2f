using Grpc.Core;
using RpcStatus = Grpc.Core.Status;

namespace Ceiba.Gateway.Client;

/// <summary>Submitting the endorsed transaction to the orderers failed.</summary>
public sealed class SubmitException : GatewayException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="transactionId">The transaction ID.</param>
    /// <param name="status">The gRPC status the call ended with.</param>
    /// <param name="details">The per-node details from the status details.</param>
    /// <param name="innerException">The <see cref="RpcException"/>.</param>
    public SubmitException(string transactionId, RpcStatus status, IReadOnlyList<ErrorDetail> details, Exception? innerException)
        : base(GatewayStage.Submit, transactionId, status, details, innerException)
    {
    }
}
