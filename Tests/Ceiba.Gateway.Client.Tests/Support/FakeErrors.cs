using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ceiba.Gateway.Client.Tests.Support;

/// <summary>Gateway errors as a Fabric peer sends them: google.rpc.Status with gateway.ErrorDetail in grpc-status-details-bin.</summary>
internal static class FakeErrors
{
    public static RpcException WithDetails(StatusCode code, string message, params Ceiba.Network.Protos.Gateway.ErrorDetail[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }

    public static Ceiba.Network.Protos.Gateway.ErrorDetail Detail(string address, string mspId, string message) =>
        new() { Address = address, MspId = mspId, Message = message };
}
