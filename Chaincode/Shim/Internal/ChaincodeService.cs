using Ceiba.Network.Protos.Peer;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ChaincodeGrpc = Ceiba.Network.Protos.Peer.Chaincode;

namespace Ceiba.Chaincode.Shim.Internal;

/// <summary><c>protos.Chaincode/Connect</c>: the peer dials in, and each call is one chaincode stream.</summary>
internal sealed class ChaincodeService(
    IChaincode chaincode,
    ChaincodeServerOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<ChaincodeService> logger) : ChaincodeGrpc.ChaincodeBase
{
    public override Task Connect(
        IAsyncStreamReader<ChaincodeMessage> requestStream,
        IServerStreamWriter<ChaincodeMessage> responseStream,
        ServerCallContext context)
    {
        var handler = new StreamHandler(chaincode, options.ChaincodeId, options.DrainTimeout, logger);
        return handler.RunAsync(requestStream, responseStream, context.Peer, context.CancellationToken, lifetime.ApplicationStopping);
    }
}
