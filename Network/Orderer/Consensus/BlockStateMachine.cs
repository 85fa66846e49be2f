using Ceiba.Network.Orderer.Internal;
using Ceiba.Network.Protos.Common;
using DotNext.IO;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;

namespace Ceiba.Network.Orderer.Consensus;

#pragma warning disable DOTNEXT001 // IStateMachine is marked experimental in DotNext 6.

/// <summary>
/// Applies committed Raft entries to the block stores. Deterministic on every node: blocks that extend
/// their channel's chain are appended (one flush per entry); stale ones (replayed on restart, or cut by a
/// deposed leader on an old tip) are skipped. The block stores are the state, so after every
/// <c>snapshotInterval</c> bytes of entries a snapshot is just each channel's height and tip hash
/// (<see cref="ChainSnapshot"/>). The snapshot DotNext sees (to compact the WAL below it, and to send to a
/// follower whose next entry is at or below it) is the one before the newest, so the WAL keeps one interval of
/// entries behind the newest snapshot and a follower slightly behind catches up from the log, as etcd's
/// catch-up window does. A node that installs a leader's snapshot pulls the blocks it lacks with <see cref="BlockPuller"/>.
/// </summary>
internal sealed class BlockStateMachine : IStateMachine, IAsyncDisposable
{
    /// <summary>Entry bytes applied between two releases of the sealed WAL chunks' resident pages.</summary>
    private const long WalReleaseIntervalBytes = 2 * 1024 * 1024;

    private readonly DirectoryInfo _directory;
    private readonly IReadOnlyDictionary<string, OrdererChannel> _channels;
    private readonly BlockPuller _puller;
    private readonly long _snapshotInterval;
    private readonly ILogger _logger;
    private volatile SnapshotFile? _advertised;
    private SnapshotFile? _newest;
    private long _sinceSnapshot;
    private long _sinceWalRelease;

    public BlockStateMachine(DirectoryInfo directory, IReadOnlyDictionary<string, OrdererChannel> channels, BlockPuller puller, long snapshotInterval, ILogger logger, WalChunkPages? walPages = null)
    {
        WalPages = walPages;
        directory.Create();
        _directory = directory;
        _channels = channels;
        _puller = puller;
        _snapshotInterval = snapshotInterval;
        _logger = logger;
    }

    public ISnapshot? Snapshot => _advertised;

    /// <summary>Released every <see cref="WalReleaseIntervalBytes"/> of applied entries, when given.</summary>
    private WalChunkPages? WalPages { get; }

    /// <summary>Loads the snapshots on disk and makes sure the stores reach the newest (pulling if a crash lost blocks); call before opening the WAL.</summary>
    public async Task RestoreAsync(CancellationToken token)
    {
        var all = SnapshotFile.ReadAll(_directory);
        _newest = all.Count > 0 ? all[^1] : null;
        _advertised = all.Count > 1 ? all[^2] : _newest;
        if (_advertised is { } advertised)
        {
            await RestoreAsync(ChainSnapshot.Decode(advertised.Content), token).ConfigureAwait(false);
        }
    }

    public async ValueTask<long> ApplyAsync(LogEntry entry, CancellationToken token)
    {
        if (entry.IsSnapshot)
        {
            var content = await DataTransferObject.ToByteArrayAsync(entry, null, token).ConfigureAwait(false);
            await RestoreAsync(ChainSnapshot.Decode(content), token).ConfigureAwait(false);
            _newest = _advertised = SnapshotFile.Write(_directory, entry.Index, entry.Term, content);
            _sinceSnapshot = 0;
            return entry.Index;
        }

        if (!entry.IsConfiguration && entry.TryGetPayload(out var payload) && !payload.IsEmpty)
        {
            Apply(entry.Context as RaftEntry.Decoded ?? Decode(payload));
            _sinceSnapshot += payload.Length;
            _sinceWalRelease += payload.Length;
        }

        if (WalPages is not null && _sinceWalRelease >= WalReleaseIntervalBytes)
        {
            _sinceWalRelease = 0;
            WalPages.Release();
        }

        if (_sinceSnapshot >= _snapshotInterval)
        {
            _sinceSnapshot = 0;
            var taken = SnapshotFile.Write(_directory, entry.Index, entry.Term, Capture().Encode());
            _advertised = _newest ?? taken;
            _newest = taken;
        }

        return entry.Index;
    }

    public ValueTask ReclaimGarbageAsync(long watermark, CancellationToken token)
    {
        foreach (var old in SnapshotFile.ReadAll(_directory).Where(s => s.Index < watermark && s.Index < (_advertised?.Index ?? 0)))
        {
            File.Delete(old.Path);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task RestoreAsync(ChainSnapshot snapshot, CancellationToken token)
    {
        foreach (var tip in snapshot.Channels)
        {
            if (!_channels.TryGetValue(tip.Channel, out var channel))
            {
                continue;
            }

            if (channel.Store.Height < tip.Height)
            {
                Log.SnapshotBehind(_logger, tip.Channel, channel.Store.Height, tip.Height);
                await _puller.PullAsync(tip.Channel, channel.Store, tip.Height, token).ConfigureAwait(false);
            }

            var hash = BlockHashing.HeaderHash(channel.Store.GetBlock(tip.Height - 1).Header);
            if (!hash.AsSpan().SequenceEqual(tip.Hash))
            {
                throw new InvalidDataException($"channel '{tip.Channel}': block {tip.Height - 1} has hash {Convert.ToHexStringLower(hash)}, the Raft snapshot says {Convert.ToHexStringLower(tip.Hash)}");
            }
        }
    }

    private RaftEntry.Decoded? Decode(System.Buffers.ReadOnlySequence<byte> payload)
    {
        try
        {
            var (name, blocks) = RaftEntry.Decode(payload);
            return new RaftEntry.Decoded(name, blocks);
        }
        catch (Exception error) when (error is InvalidDataException or Google.Protobuf.InvalidProtocolBufferException)
        {
            Log.ApplyFailed(_logger, error);
            return null;
        }
    }

    private void Apply(RaftEntry.Decoded? entry)
    {
        if (entry is not (var name, var blocks))
        {
            return;
        }

        try
        {
            if (_channels.TryGetValue(name, out var channel) && blocks.Count > 0)
            {
                var height = channel.Store.Height;
                if (channel.ApplyCommitted(blocks) == 0 && blocks[^1].Header.Number >= height)
                {
                    Log.StaleBlockSkipped(_logger, name, blocks[0].Header.Number, height);
                }
            }
        }
        catch (Exception error)
        {
            Log.ApplyFailed(_logger, error);
        }
    }

    private ChainSnapshot Capture() => new([.. _channels.Values.Select(c => new ChainSnapshot.Tip(c.Name, c.Store.Height, c.Store.TipHash.ToArray()))]);
}
