using System.Security.Cryptography.X509Certificates;
using Ceiba.Network.Ledger;
using Ceiba.Network.Msp;
using Ceiba.Network.Orderer.Internal;
using Ceiba.Network.Protos.Common;
using Ceiba.Network.Protos.Orderer;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Status = Ceiba.Network.Protos.Common.Status;

namespace Ceiba.Network.Orderer.Consensus;

/// <summary>
/// Fetches blocks a node lacks from the other orderers' Deliver services, as Fabric's etcdraft does
/// when a follower installs a snapshot: a signed seek (this orderer's identity, a /Channel/Readers
/// member) for a specified range, FAIL_IF_NOT_READY, over TLS to servers that chain to the orderer TLS CA
/// presenting this node's TLS certificate. Every pulled block is appended only if it extends the local chain.
/// </summary>
internal sealed class BlockPuller(string self, IReadOnlyList<ClusterMember> members, string root, bool tls, X509Certificate2? clientCertificate, SigningIdentity signer, ILogger logger)
{
    /// <summary>Pulled blocks are appended (one flush) per 16 blocks or per this many bytes, whichever comes first: 16 blocks of 500 transactions are ~18 MB held at once.</summary>
    private const long MaxBatchBytes = 4 * 1024 * 1024;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    private long _pulled;

    /// <summary>The number of blocks this node appended from pulls since it started.</summary>
    public long PulledBlocks => Interlocked.Read(ref _pulled);

    /// <summary>Pulls blocks into <paramref name="store"/> until its height reaches <paramref name="height"/>, trying each other orderer in turn until cancelled.</summary>
    public async Task PullAsync(string channel, BlockStore store, ulong height, CancellationToken cancellationToken)
    {
        while (store.Height < height)
        {
            foreach (var member in members.Where(m => m.Name != self))
            {
                if (store.Height >= height)
                {
                    return;
                }

                try
                {
                    await PullFromAsync(member, channel, store, height, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is RpcException or IOException or HttpRequestException or BlockStoreException or InvalidProtocolBufferException)
                {
                    Log.PullFailed(logger, channel, member.Name, store.Height, error.Message);
                }
            }

            if (store.Height < height)
            {
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PullFromAsync(ClusterMember member, string channel, BlockStore store, ulong height, CancellationToken cancellationToken)
    {
        var start = store.Height;
        using var grpc = OrdererGrpcChannels.Create(member.GrpcAddress, tls ? Path.Combine(root, member.TlsCaCertPath) : null, member.HostName, clientCertificate);
        using var call = new AtomicBroadcast.AtomicBroadcastClient(grpc).Deliver(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(Seek(channel, start, height - 1), cancellationToken).ConfigureAwait(false);
        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        var batch = new List<Block>();
        var batchBytes = 0L;
        while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var response = call.ResponseStream.Current;
            if (response.TypeCase == DeliverResponse.TypeOneofCase.Status)
            {
                if (response.Status != Status.Success)
                {
                    Log.PullFailed(logger, channel, member.Name, store.Height + (ulong)batch.Count, $"Deliver answered {response.Status}");
                }

                break;
            }

            batch.Add(response.Block);
            batchBytes += response.Block.CalculateSize();
            if (batch.Count == 16 || batchBytes >= MaxBatchBytes)
            {
                Append(store, batch);
                batchBytes = 0;
            }
        }

        Append(store, batch);
        Log.BlocksPulled(logger, channel, member.Name, start, store.Height);
    }

    private void Append(BlockStore store, List<Block> batch)
    {
        store.Append(batch);
        Interlocked.Add(ref _pulled, batch.Count);
        batch.Clear();
    }

    private Envelope Seek(string channel, ulong first, ulong last) => DeliverSeekEnvelope.Sign(signer, channel, new SeekInfo
    {
        Start = new SeekPosition { Specified = new SeekSpecified { Number = first } },
        Stop = new SeekPosition { Specified = new SeekSpecified { Number = last } },
        Behavior = SeekInfo.Types.SeekBehavior.FailIfNotReady,
    });
}
