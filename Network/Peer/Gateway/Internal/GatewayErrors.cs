using Ceiba.Network.Protos.Gateway;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>Gateway errors as the Fabric gateway sends them: google.rpc.Status with one gateway.ErrorDetail per node involved.</summary>
internal static class GatewayErrors
{
    public static RpcException Create(StatusCode code, string message, IEnumerable<ErrorDetail>? details = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details ?? [])
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }

    public static RpcException InvalidArgument(string message) => Create(StatusCode.InvalidArgument, message);

    public static ErrorDetail Detail(string address, string mspId, string message) => new() { Address = address, MspId = mspId, Message = message };
}
