using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Delivery;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>
/// Submits a prepared transaction to the orderers in random order, over one shared Broadcast stream per orderer
/// (<see cref="BroadcastStream"/>). A 4xx answer is final (Aborted); other failures move on to the next orderer; when all
/// fail the answer is Unavailable with one ErrorDetail per orderer.
/// </summary>
internal sealed class OrdererSubmitter(IReadOnlyList<OrdererEndpoint> orderers) : IDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, BroadcastStream> _streams = new(StringComparer.Ordinal);

    public async Task SubmitAsync(Envelope envelope, CancellationToken cancellationToken)
    {
        var details = new List<ErrorDetail>();
        foreach (var orderer in orderers.OrderBy(_ => Random.Shared.Next()))
        {
            try
            {
                var response = await BroadcastAsync(orderer, envelope, cancellationToken).ConfigureAwait(false);
                if (response.Status == Status.Success)
                {
                    return;
                }

                var message = $"received unsuccessful response from orderer: status={response.Status}, info={response.Info}";
                if ((int)response.Status is >= 400 and < 500)
                {
                    throw GatewayErrors.Create(StatusCode.Aborted, message, [GatewayErrors.Detail(orderer.Address, string.Empty, message)]);
                }

                details.Add(GatewayErrors.Detail(orderer.Address, string.Empty, message));
            }
            catch (RpcException error) when (error.StatusCode != StatusCode.Aborted && !cancellationToken.IsCancellationRequested)
            {
                details.Add(GatewayErrors.Detail(orderer.Address, string.Empty, error.Status.Detail));
            }
            catch (HttpRequestException error)
            {
                details.Add(GatewayErrors.Detail(orderer.Address, string.Empty, error.Message));
            }
        }

        throw GatewayErrors.Create(StatusCode.Unavailable, "no orderers could successfully process the transaction", details);
    }

    public void Dispose()
    {
        foreach (var stream in _streams.Values)
        {
            stream.Dispose();
        }
    }

    private Task<BroadcastResponse> BroadcastAsync(OrdererEndpoint orderer, Envelope envelope, CancellationToken cancellationToken)
    {
        var stream = _streams.GetOrAdd(orderer.Address, _ => new BroadcastStream(NodeGrpcChannels.Create(orderer.Address, orderer.TlsCa, orderer.HostName), AnswerTimeout));
        return stream.SendAsync(envelope, cancellationToken);
    }
}
