using Ceiba.Network.Msp;
using Ceiba.Network.Peer.Delivery.Internal;
using Ceiba.Network.Peer.Ledger;
using Ceiba.Network.Peer.Validation;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ceiba.Network.Peer.Delivery;

/// <summary>
/// Keeps a channel's ledger caught up: asks one orderer for every block from the ledger height on
/// (AtomicBroadcast/Deliver, waiting for new blocks), validates and commits each, and on any failure
/// (unreachable node, broken stream, a block that does not validate) moves on to the next orderer.
/// </summary>
/// <param name="channel">The channel to keep caught up.</param>
/// <param name="orderers">The ordering nodes, tried in turn starting at a random one.</param>
/// <param name="signer">The peer's identity, which signs the seek requests.</param>
/// <param name="logger">Where failovers are logged.</param>
/// <param name="firstOrderer">The index of the orderer to try first; default a random one.</param>
public sealed class BlockPuller(PeerChannel channel, IReadOnlyList<OrdererEndpoint> orderers, SigningIdentity signer, ILogger<BlockPuller>? logger = null, int? firstOrderer = null)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private readonly ILogger _logger = logger ?? NullLogger<BlockPuller>.Instance;
    private long _ordererHeight;
    private int _connected;

    /// <summary>The channel this puller keeps caught up.</summary>
    public PeerChannel Channel => channel;

    /// <summary>The highest block height an orderer has shown this puller (0 before the first block).</summary>
    public ulong OrdererHeight => (ulong)Interlocked.Read(ref _ordererHeight);

    /// <summary>True while a delivery stream from an orderer is open.</summary>
    public bool IsConnected => Volatile.Read(ref _connected) == 1;

    /// <summary>Pulls and commits blocks until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (orderers.Count == 0)
        {
            return;
        }

        var next = firstOrderer is { } first ? Math.Clamp(first, 0, orderers.Count - 1) : Random.Shared.Next(orderers.Count);
        while (!cancellationToken.IsCancellationRequested)
        {
            var orderer = orderers[next];
            next = (next + 1) % orderers.Count;
            try
            {
                await PullAsync(orderer, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is RpcException or BlockValidationException or LedgerException or IOException or InvalidOperationException or HttpRequestException)
            {
                Log.PullFailed(_logger, channel.ChannelId, orderer.Name, error.Message);
            }

            try
            {
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PullAsync(OrdererEndpoint orderer, CancellationToken cancellationToken)
    {
        using var grpc = NodeGrpcChannels.Create(orderer.Address, orderer.TlsCa, orderer.HostName);
        var client = new AtomicBroadcast.AtomicBroadcastClient(grpc);
        using var call = client.Deliver(cancellationToken: cancellationToken);
        var start = channel.Ledger.Height;
        Log.Pulling(_logger, channel.ChannelId, orderer.Name, start);
        await call.RequestStream.WriteAsync(SeekEnvelopes.From(signer, channel.ChannelId, start), cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _connected, 1);
        try
        {
            await ReceiveAsync(call, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _connected, 0);
        }
    }

    private async Task ReceiveAsync(AsyncDuplexStreamingCall<Protos.Common.Envelope, DeliverResponse> call, CancellationToken cancellationToken)
    {
        while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var response = call.ResponseStream.Current;
            if (response.TypeCase != DeliverResponse.TypeOneofCase.Block)
            {
                throw new InvalidOperationException($"the orderer ended delivery with status {response.Status}");
            }

            var height = (long)(response.Block.Header?.Number ?? 0) + 1;
            if (height > Interlocked.Read(ref _ordererHeight))
            {
                Interlocked.Exchange(ref _ordererHeight, height);
            }

            if (response.Block.Header?.Number < channel.Ledger.Height)
            {
                continue;
            }

            channel.Committer.Commit(response.Block);
        }

        throw new InvalidOperationException("the orderer closed the delivery stream");
    }
}
