using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Orderer.Consensus;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Internal;

/// <summary>
/// Forwards envelopes a follower accepted to the Raft leader over the leader's own Broadcast
/// service, one long-lived pipelined stream per leader, and relays the leader's answer. With TLS the
/// follower presents its TLS certificate, so the leader can trust what a cluster member already validated.
/// </summary>
internal sealed class LeaderForwarder(string root, bool tls, X509Certificate2? clientCertificate, ILogger logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ForwardingStream> _streams = new(StringComparer.Ordinal);

    /// <summary>
    /// Forwards <paramref name="envelope"/> to <paramref name="leader"/>: completes once it is written to the leader's
    /// stream (which waits while the leader holds the stream back), with the task of the leader's answer
    /// (SERVICE_UNAVAILABLE when forwarding fails).
    /// </summary>
    /// <remarks>The envelope is referenced until it is written, not until the answer (see <see cref="BroadcastProcessor.ProcessAsync"/>).</remarks>
    public async ValueTask<Task<BroadcastResponse>> ForwardAsync(ClusterMember leader, Envelope envelope, CancellationToken cancellationToken)
    {
        try
        {
            return AnswerAsync(leader, await WriteAsync(leader, envelope, cancellationToken).ConfigureAwait(false), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Task.FromResult(Failed(leader, error));
        }
    }

    private async Task<Task<BroadcastResponse>> WriteAsync(ClusterMember leader, Envelope envelope, CancellationToken cancellationToken)
    {
        // A stream that broke under concurrent senders is replaced once, and the envelope sent again on the new one.
        for (var attempt = 0; ; attempt++)
        {
            var stream = _streams.AddOrUpdate(
                leader.Name,
                _ => Open(leader),
                (_, existing) => existing.IsBroken ? Replace(existing, leader) : existing);
            try
            {
                return await stream.WriteAsync(envelope, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException) when (attempt == 0)
            {
            }
        }
    }

    private async Task<BroadcastResponse> AnswerAsync(ClusterMember leader, Task<BroadcastResponse> answer, CancellationToken cancellationToken)
    {
        try
        {
            return await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(leader, error);
        }
    }

    private BroadcastResponse Failed(ClusterMember leader, Exception error)
    {
        Log.ForwardFailed(logger, leader.Name, error.Message);
        return new BroadcastResponse { Status = Status.ServiceUnavailable, Info = $"forwarding to the leader {leader.Name} failed: {error.Message}" };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams.Values)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ForwardingStream Replace(ForwardingStream broken, ClusterMember leader)
    {
        _ = broken.DisposeAsync().AsTask();
        return Open(leader);
    }

    private ForwardingStream Open(ClusterMember leader) =>
        new(OrdererGrpcChannels.Create(leader.GrpcAddress, tls ? Path.Combine(root, leader.TlsCaCertPath) : null, leader.HostName, clientCertificate));
}
