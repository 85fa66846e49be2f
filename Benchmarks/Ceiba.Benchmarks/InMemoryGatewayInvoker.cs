using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Google.Protobuf;
using Grpc.Core;

namespace Ceiba.Benchmarks;

/// <summary>
/// A <see cref="CallInvoker"/> that answers the gateway's unary calls at once from canned bytes, so that a benchmark
/// measures the client's own CPU: requests are still marshalled and responses unmarshalled, as over a real channel.
/// </summary>
internal sealed class InMemoryGatewayInvoker(byte[] endorseResponse) : CallInvoker
{
    private static readonly byte[] Valid = new CommitStatusResponse { Result = TxValidationCode.Valid, BlockNumber = 7 }.ToByteArray();
    private static readonly byte[] Evaluated = new EvaluateResponse { Result = new Response { Status = 200 } }.ToByteArray();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        _ = ((IMessage)request).ToByteArray();
        object response = method.Name switch
        {
            "Endorse" => EndorseResponse.Parser.ParseFrom(endorseResponse),
            "Submit" => new SubmitResponse(),
            "CommitStatus" => CommitStatusResponse.Parser.ParseFrom(Valid),
            "Evaluate" => EvaluateResponse.Parser.ParseFrom(Evaluated),
            _ => throw new NotSupportedException(method.FullName),
        };
        return new AsyncUnaryCall<TResponse>(
            Task.FromResult((TResponse)response),
            Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess,
            () => [],
            () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();
}
