using System.Collections.Concurrent;
using Ceiba.Network.Msp;
using Ceiba.Network.Protos.Gateway;
using Ceiba.Network.Protos.Peer;
using Grpc.Net.Client;

namespace Ceiba.Network.Peer.Tests.Support;

/// <summary>
/// Concurrent clients that each submit "put load-{worker}-{n}" through one gateway peer and wait for the commit
/// status, until stopped. Records every commit status it gets and every failure.
/// </summary>
public sealed class LoadGenerator(GrpcChannel channel, SigningIdentity client, string channelId, int workers) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private int _valid;

    /// <summary>Each submitted key with its value and the commit status the gateway returned.</summary>
    public ConcurrentBag<(string Key, string Value, CommitStatusResponse Status)> Committed { get; } = [];

    /// <summary>Submissions that failed (endorse, submit or commit status), with the error.</summary>
    public ConcurrentBag<Exception> Failures { get; } = [];

    /// <summary>How many transactions committed as VALID so far.</summary>
    public int ValidCount => Volatile.Read(ref _valid);

    public void Start()
    {
        for (var worker = 0; worker < workers; worker++)
        {
            var id = worker;
            _workers.Add(Task.Run(() => RunAsync(id)));
        }
    }

    /// <summary>Waits (up to two minutes) until <paramref name="count"/> transactions are VALID.</summary>
    public async Task WaitForValidAsync(int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (ValidCount < count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(int worker)
    {
        var gateway = new GatewayCalls(channel, client, channelId);
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var key = $"load-{worker}-{n}";
            var value = $"value-{worker}-{n}";
            try
            {
                var status = await gateway.SubmitAndWaitAsync(CancellationToken.None, "put", key, value);
                Committed.Add((key, value, status));
                if (status.Result == TxValidationCode.Valid)
                {
                    Interlocked.Increment(ref _valid);
                }
            }
            catch (Exception error) when (error is Grpc.Core.RpcException or OperationCanceledException)
            {
                Failures.Add(error);
            }
        }
    }
}
