using System.Collections.Concurrent;
using Ceiba.Network.Orderer.Tests.Support;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Ceiba.Testing.Fabric;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Orderer.Tests.Node;

/// <summary>A client that goes away mid-stream (HTTP/2 RST_STREAM) is routine, not an error of the node.</summary>
public sealed class ClientResetTests
{
    [Fact]
    public async Task Clients_that_reset_their_broadcast_and_deliver_streams_are_not_logged_as_errors_and_the_node_keeps_serving()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var network = TestNetwork.Generate("seed");
        var name = network.OrdererNames[0];
        var logs = new ErrorLogs();
        await using var node = await OrdererNode.StartAsync(network.NodeConfig(name), new OrdererNodeOptions { ConfigureLogging = logging => logging.AddProvider(logs) }, ct);
        using var signer = network.Client();
        using var client = OrdererClient.For(network, name);
        var config = network.Config(name);
        using var channel = OrdererGrpcChannels.Create($"localhost:{config.Listen.Port}", network.OrdererTlsCa, config.HostName);
        var raw = new AtomicBroadcast.AtomicBroadcastClient(channel);

        var flood = Enumerable.Range(0, 200).Select(_ => Envelopes.Transaction(signer, network.Channel).Envelope).ToList();

        // Act: each stream is disposed while open, the Broadcast ones in the middle of a flood of envelopes. The server is
        // then inside or just before a read: a reset there surfaced as an IOException, or, when the read started after
        // the reset, as "Can't read messages after the request is complete" (about once in 400 streams)
        for (var stream = 0; stream < 24; stream++)
        {
            using var broadcast = raw.Broadcast(cancellationToken: ct);
            await broadcast.RequestStream.WriteAsync(flood[0], ct);
            Assert.True(await broadcast.ResponseStream.MoveNext(ct));
            foreach (var envelope in flood.Skip(1 + (stream % 8 * 24)).Take(24))
            {
                await broadcast.RequestStream.WriteAsync(envelope, ct);
            }
        }

        using (var deliver = raw.Deliver(cancellationToken: ct))
        {
            await deliver.RequestStream.WriteAsync(Envelopes.Seek(signer, network.Channel, Envelopes.Oldest, Envelopes.At(ulong.MaxValue)), ct);
            Assert.True(await deliver.ResponseStream.MoveNext(ct));
        }

        await Task.Delay(500, ct);
        var after = await client.BroadcastAsync([Envelopes.Transaction(signer, network.Channel).Envelope], ct);

        // Assert
        Assert.Equal(Status.Success, Assert.Single(after).Status);
        Assert.True(logs.Errors.Count == 0, string.Join(Environment.NewLine, logs.Errors));
    }

    /// <summary>Keeps every log entry at Error or above.</summary>
    private sealed class ErrorLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _errors = new();

        public IReadOnlyList<string> Errors => [.. _errors];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    owner._errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
