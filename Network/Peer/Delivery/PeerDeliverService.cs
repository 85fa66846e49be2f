using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Delivery.Internal;
using Ceiba.Network.Protos.Common;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using DeliverResponse = Ceiba.Network.Protos.Peer.DeliverResponse;

namespace Ceiba.Network.Peer.Delivery;

/// <summary><c>protos.Deliver</c> on the peer: Deliver (full blocks with TRANSACTIONS_FILTER) and DeliverFiltered, for the channel's Readers.</summary>
/// <param name="channels">The channels this peer has joined, by name.</param>
/// <param name="logger">Where refused requests are logged.</param>
public sealed class PeerDeliverService(Func<string, PeerChannel?> channels, ILogger<PeerDeliverService> logger) : Protos.Peer.Deliver.DeliverBase
{
    private readonly DeliverRequestHandler _handler = new(channels, logger);

    /// <inheritdoc />
    public override Task Deliver(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context) =>
        ServeAsync(requestStream, responseStream, filtered: false, context);

    /// <inheritdoc />
    public override Task DeliverFiltered(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context) =>
        ServeAsync(requestStream, responseStream, filtered: true, context);

    private async Task ServeAsync(IAsyncStreamReader<Envelope> requests, IServerStreamWriter<DeliverResponse> responses, bool filtered, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var status = await _handler.HandleAsync(requests.Current, filtered, responses, cancellationToken).ConfigureAwait(false);
                await responses.WriteAsync(new DeliverResponse { Status = status }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (ServerCallEnds.IsClientGone(exception, context))
        {
            // The client reset the stream or dropped the connection: the call is over.
        }
    }
}
