using Grpc.Core;
using GatewayErrorDetail = Ceiba.Network.Protos.Gateway.ErrorDetail;

namespace Ceiba.Gateway.Client.Internal;

/// <summary>Turns an <see cref="RpcException"/> into the typed exception of the stage it happened in.</summary>
internal static class RpcErrors
{
    public static Exception ToException(GatewayStage stage, string transactionId, RpcException exception, CancellationToken cancellationToken)
    {
        if (exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException($"{stage} was cancelled.", exception, cancellationToken);
        }

        var details = Details(exception);
        return stage switch
        {
            GatewayStage.Endorse => new EndorseException(transactionId, exception.Status, details, exception),
            GatewayStage.Submit => new SubmitException(transactionId, exception.Status, details, exception),
            GatewayStage.CommitStatus => new CommitStatusException(transactionId, exception.Status, details, exception),
            _ => new GatewayException(stage, transactionId, exception.Status, details, exception),
        };
    }

    /// <summary>A Deliver stream that ended with a Fabric status other than SUCCESS.</summary>
    public static GatewayException FromDeliverStatus(Ceiba.Network.Protos.Common.Status status)
    {
        var code = status switch
        {
            Ceiba.Network.Protos.Common.Status.BadRequest => StatusCode.InvalidArgument,
            Ceiba.Network.Protos.Common.Status.Forbidden => StatusCode.PermissionDenied,
            Ceiba.Network.Protos.Common.Status.NotFound => StatusCode.NotFound,
            Ceiba.Network.Protos.Common.Status.ServiceUnavailable => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        var detail = $"deliver returned status {(int)status} ({status})";
        return new GatewayException(GatewayStage.BlockEvents, string.Empty, new Grpc.Core.Status(code, detail), [], null);
    }

    /// <summary>The <c>gateway.ErrorDetail</c>s packed in the google.rpc.Status of the <c>grpc-status-details-bin</c> trailer.</summary>
    public static IReadOnlyList<ErrorDetail> Details(RpcException exception)
    {
        Google.Rpc.Status? status;
        try
        {
            status = exception.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return [];
        }

        if (status is null)
        {
            return [];
        }

        var details = new List<ErrorDetail>(status.Details.Count);
        foreach (var any in status.Details)
        {
            if (any.TryUnpack<GatewayErrorDetail>(out var detail))
            {
                details.Add(new ErrorDetail(detail.Address, detail.MspId, detail.Message));
            }
        }

        return details;
    }
}
