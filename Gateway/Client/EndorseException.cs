using Grpc.Core;
using RpcStatus = Grpc.Core.Status;

namespace Ceiba.Gateway.Client;

/// <summary>Endorsement failed: no endorsed transaction came back from the gateway peer.</summary>
public sealed class EndorseException : GatewayException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="transactionId">The transaction ID.</param>
    /// <param name="status">The gRPC status the call ended with.</param>
    /// <param name="details">The per-node details from the status details.</param>
    /// <param name="innerException">The <see cref="RpcException"/>.</param>
    public EndorseException(string transactionId, RpcStatus status, IReadOnlyList<ErrorDetail> details, Exception? innerException)
        : base(GatewayStage.Endorse, transactionId, status, details, innerException)
    {
    }
}
