using System.Diagnostics;
using System.Security.Cryptography;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Benchmarks.OrdererLoad;

/// <summary>
/// Broadcasts pre-signed envelopes over several streams spread across the orderers, with a bounded
/// window of unanswered envelopes per stream, while one Deliver stream timestamps each envelope's
/// arrival in a block.
/// </summary>
internal sealed class LoadRun(SigningIdentity signer, string channel, int envelopeBytes)
{
    public (Envelope Envelope, string TxId)[] Prepare(int count) =>
        [.. Enumerable.Range(0, count).AsParallel().AsOrdered().Select(_ => Transaction())];

    public async Task<LoadResult> RunAsync((Envelope Envelope, string TxId)[] envelopes, IReadOnlyList<(string Address, string? TlsCa, string HostName)> orderers, int streams, int window, CancellationToken cancellationToken)
    {
        var sentAt = new Dictionary<string, long>(envelopes.Length, StringComparer.Ordinal);
        var deliveredAt = new Dictionary<string, long>(envelopes.Length, StringComparer.Ordinal);
        var lookup = envelopes.Select((e, i) => (e.TxId, i)).ToDictionary(p => p.TxId, p => p.i, StringComparer.Ordinal);
        var sent = new long[envelopes.Length];
        var delivered = new long[envelopes.Length];
        var rejected = 0;
        var allDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deliveredCount = 0;

        using var deliverChannel = OrdererGrpcChannels.Create(orderers[0].Address, orderers[0].TlsCa, orderers[0].HostName);
        using var deliverCall = new AtomicBroadcast.AtomicBroadcastClient(deliverChannel).Deliver(cancellationToken: cancellationToken);
        await deliverCall.RequestStream.WriteAsync(Seek(new SeekPosition { NextCommit = new SeekNextCommit() }, new SeekPosition { Specified = new SeekSpecified { Number = ulong.MaxValue } }), cancellationToken);
        var delivering = Task.Run(async () =>
        {
            await foreach (var response in deliverCall.ResponseStream.ReadAllAsync(cancellationToken))
            {
                var now = Stopwatch.GetTimestamp();
                foreach (var data in response.Block?.Data.Data ?? [])
                {
                    var txId = ChannelHeader.Parser.ParseFrom(Payload.Parser.ParseFrom(Envelope.Parser.ParseFrom(data).Payload).Header.ChannelHeader).TxId;
                    if (lookup.TryGetValue(txId, out var index))
                    {
                        delivered[index] = now;
                        if (Interlocked.Increment(ref deliveredCount) == envelopes.Length - Volatile.Read(ref rejected))
                        {
                            allDelivered.TrySetResult();
                        }
                    }
                }
            }
        }, cancellationToken);

        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async s =>
        {
            var target = orderers[s % orderers.Count];
            using var channel = OrdererGrpcChannels.Create(target.Address, target.TlsCa, target.HostName);
            using var call = new AtomicBroadcast.AtomicBroadcastClient(channel).Broadcast(cancellationToken: cancellationToken);
            using var slots = new SemaphoreSlim(window);
            var mine = Enumerable.Range(0, envelopes.Length).Where(i => i % streams == s).ToArray();
            var reader = Task.Run(async () =>
            {
                var answered = 0;
                await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    if (response.Status != Status.Success)
                    {
                        Interlocked.Increment(ref rejected);
                        Console.Error.WriteLine($"rejected: {response.Status} {response.Info}");
                    }

                    slots.Release();
                    if (++answered == mine.Length)
                    {
                        return;
                    }
                }
            }, cancellationToken);
            foreach (var index in mine)
            {
                await slots.WaitAsync(cancellationToken);
                sent[index] = Stopwatch.GetTimestamp();
                await call.RequestStream.WriteAsync(envelopes[index].Envelope, cancellationToken);
            }

            await reader;
            await call.RequestStream.CompleteAsync();
        }));

        if (deliveredCount < envelopes.Length - rejected)
        {
            await allDelivered.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        }

        var finished = delivered.Max();
        var latencies = Enumerable.Range(0, envelopes.Length).Where(i => delivered[i] > 0).Select(i => Stopwatch.GetElapsedTime(sent[i], delivered[i]).TotalMilliseconds).Order().ToArray();
        return new LoadResult(envelopes.Length, rejected, Stopwatch.GetElapsedTime(started, finished), latencies);
    }

    /// <summary>The chain height of one orderer: the newest block's number + 1, read over Deliver.</summary>
    public async Task<ulong> HeightAsync((string Address, string? TlsCa, string HostName) orderer, CancellationToken cancellationToken)
    {
        using var grpc = OrdererGrpcChannels.Create(orderer.Address, orderer.TlsCa, orderer.HostName);
        using var call = new AtomicBroadcast.AtomicBroadcastClient(grpc).Deliver(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(Seek(new SeekPosition { Newest = new SeekNewest() }, new SeekPosition { Newest = new SeekNewest() }), cancellationToken);
        await call.RequestStream.CompleteAsync();
        var height = 0ul;
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (response.Block is { } block)
            {
                height = block.Header.Number + 1;
            }
        }

        return height;
    }

    private (Envelope, string) Transaction()
    {
        var nonce = RandomNumberGenerator.GetBytes(24);
        var txId = signer.ComputeTransactionId(nonce);
        var payload = new Payload
        {
            Header = Header(HeaderType.EndorserTransaction, txId, nonce),
            Data = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(envelopeBytes)),
        }.ToByteString();
        return (new Envelope { Payload = payload, Signature = ByteString.CopyFrom(signer.SignMessage(payload.Span)) }, txId);
    }

    private Envelope Seek(SeekPosition start, SeekPosition stop)
    {
        var payload = new Payload
        {
            Header = Header(HeaderType.DeliverSeekInfo, string.Empty, RandomNumberGenerator.GetBytes(24)),
            Data = new SeekInfo
            {
                Start = start,
                Stop = stop,
            }.ToByteString(),
        }.ToByteString();
        return new Envelope { Payload = payload, Signature = ByteString.CopyFrom(signer.SignMessage(payload.Span)) };
    }

    private Header Header(HeaderType type, string txId, byte[] nonce) => new()
    {
        ChannelHeader = new ChannelHeader { Type = (int)type, ChannelId = channel, TxId = txId, Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow) }.ToByteString(),
        SignatureHeader = new SignatureHeader { Creator = ByteString.CopyFrom(signer.Serialized.Span), Nonce = ByteString.CopyFrom(nonce) }.ToByteString(),
    };
}

/// <summary>What one load run measured.</summary>
internal sealed record LoadResult(int Envelopes, int Rejected, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => (Envelopes - Rejected) / Elapsed.TotalSeconds;

    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];
}
