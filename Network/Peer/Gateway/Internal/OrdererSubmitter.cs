using Ceiba.Network.Peer.Delivery;
using Ceiba.Network.Peer.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Peer.Gateway.Internal;

/// <summary>
/// Submits a prepared transaction to the orderers in random order: one Broadcast stream, one envelope,
/// one response. A 4xx answer is final (Aborted); other failures move on to the next orderer; when all
/// fail the answer is Unavailable with one ErrorDetail per orderer.
/// </summary>
internal sealed class OrdererSubmitter(IReadOnlyList<OrdererEndpoint> orderers) : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Grpc.Net.Client.GrpcChannel> _channels = new(StringComparer.Ordinal);

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
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }

    private async Task<BroadcastResponse> BroadcastAsync(OrdererEndpoint orderer, Envelope envelope, CancellationToken cancellationToken)
    {
        var channel = _channels.GetOrAdd(orderer.Address, _ => GrpcChannels.Create(orderer.Address, orderer.TlsCa, orderer.HostName));
        using var call = new AtomicBroadcast.AtomicBroadcastClient(channel).Broadcast(deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
        if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "the orderer closed the stream without a response"));
        }

        var response = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);

        // Read to the end so the call finishes with the orderer's trailers: disposing it earlier resets the
        // stream, which the orderer sees (and logs) as a client abort for every transaction.
        while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
        }

        return response;
    }
}
