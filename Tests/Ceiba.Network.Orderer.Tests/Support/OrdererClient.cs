using Ceiba.Testing.Fabric;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Grpc.Core;
using Grpc.Net.Client;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Orderer.Tests.Support;

/// <summary>A real gRPC client of one orderer's AtomicBroadcast service.</summary>
public sealed class OrdererClient(GrpcChannel channel) : IDisposable
{
    private readonly AtomicBroadcast.AtomicBroadcastClient _client = new(channel);

    public static OrdererClient For(TestNetwork network, string orderer)
    {
        var config = network.Config(orderer);
        var tlsCa = config.TlsEnabled ? network.OrdererTlsCa : null;
        return new OrdererClient(OrdererGrpcChannels.Create($"localhost:{config.Listen.Port}", tlsCa, config.HostName));
    }

    /// <summary>Sends the envelopes on one Broadcast stream and returns the responses in order.</summary>
    public async Task<IReadOnlyList<BroadcastResponse>> BroadcastAsync(IEnumerable<Envelope> envelopes, CancellationToken cancellationToken, Grpc.Core.Metadata? headers = null)
    {
        using var call = _client.Broadcast(headers, cancellationToken: cancellationToken);
        var sent = 0;
        var reading = Task.Run(async () =>
        {
            var responses = new List<BroadcastResponse>();
            await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                responses.Add(response);
            }

            return responses;
        }, cancellationToken);
        foreach (var envelope in envelopes)
        {
            await call.RequestStream.WriteAsync(envelope, cancellationToken);
            sent++;
        }

        await call.RequestStream.CompleteAsync();
        var all = await reading;
        Assert.Equal(sent, all.Count);
        return all;
    }

    /// <summary>Sends one seek request and returns the blocks and the final status.</summary>
    public async Task<(IReadOnlyList<Block> Blocks, Status Status)> DeliverAsync(Envelope seek, CancellationToken cancellationToken)
    {
        using var call = _client.Deliver(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(seek, cancellationToken);
        var blocks = new List<Block>();
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (response.TypeCase == DeliverResponse.TypeOneofCase.Status)
            {
                await call.RequestStream.CompleteAsync();
                return (blocks, response.Status);
            }

            blocks.Add(response.Block);
        }

        throw new InvalidOperationException("the deliver stream ended without a status");
    }

    public void Dispose() => channel.Dispose();
}
